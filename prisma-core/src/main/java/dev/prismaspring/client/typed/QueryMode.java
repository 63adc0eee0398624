package dev.prismaspring.client.typed;

/** String comparison mode of a {@code StringFilter} (PostgreSQL and MySQL). */
public enum QueryMode implements PrismaEnum {
    DEFAULT("default"),
    INSENSITIVE("insensitive");

    private final String prismaName;

    QueryMode(String prismaName) {
        this.prismaName = prismaName;
    }

    @Override
    public String prismaName() {
        return prismaName;
    }
}
