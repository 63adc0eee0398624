package dev.prismaspring.client.typed;

/**
 * The string operators of {@link StringFilter} and {@link StringNullableFilter}.
 *
 * @param <F> the concrete filter
 */
public abstract class StringOperatorsFilter<F extends StringOperatorsFilter<F>> extends OrderedFilter<String, F> {

    /** {@code contains: value}. */
    public final F contains(String value) {
        arg("contains", value);
        return self();
    }

    /** {@code startsWith: value}. */
    public final F startsWith(String value) {
        arg("startsWith", value);
        return self();
    }

    /** {@code endsWith: value}. */
    public final F endsWith(String value) {
        arg("endsWith", value);
        return self();
    }

    /** {@code mode: ...} (PostgreSQL and MySQL; SQLite rejects it, as Prisma does). */
    public final F mode(QueryMode mode) {
        arg("mode", mode);
        return self();
    }

    /** {@code mode: "insensitive"}. */
    public final F insensitive() {
        return mode(QueryMode.INSENSITIVE);
    }
}
