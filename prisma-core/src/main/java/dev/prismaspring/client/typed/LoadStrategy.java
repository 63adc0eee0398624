package dev.prismaspring.client.typed;

/** The {@code relationLoadStrategy} of a read. */
public enum LoadStrategy implements PrismaEnum {
    QUERY("query"),
    JOIN("join");

    private final String prismaName;

    LoadStrategy(String prismaName) {
        this.prismaName = prismaName;
    }

    @Override
    public String prismaName() {
        return prismaName;
    }
}
