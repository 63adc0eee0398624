package dev.prismaspring.client.typed;

/** Where nulls sort in {@code orderBy: { field: { sort, nulls } }}. */
public enum NullsOrder implements PrismaEnum {
    FIRST("first"),
    LAST("last");

    private final String prismaName;

    NullsOrder(String prismaName) {
        this.prismaName = prismaName;
    }

    @Override
    public String prismaName() {
        return prismaName;
    }
}
