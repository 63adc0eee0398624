package dev.prismaspring.client.typed;

/** Prisma's {@code StringFilter} / {@code StringNullableFilter}. */
public final class StringFilter extends OrderedFilter<String, StringFilter> {

    /** {@code contains: value}. */
    public StringFilter contains(String value) {
        arg("contains", value);
        return this;
    }

    /** {@code startsWith: value}. */
    public StringFilter startsWith(String value) {
        arg("startsWith", value);
        return this;
    }

    /** {@code endsWith: value}. */
    public StringFilter endsWith(String value) {
        arg("endsWith", value);
        return this;
    }

    /** {@code mode: ...} (PostgreSQL and MySQL; SQLite rejects it, as Prisma does). */
    public StringFilter mode(QueryMode mode) {
        arg("mode", mode);
        return this;
    }

    /** {@code mode: "insensitive"}. */
    public StringFilter insensitive() {
        return mode(QueryMode.INSENSITIVE);
    }
}
