package dev.prismaspring.client.typed;

/**
 * A scalar filter of an ordered type: adds {@code lt}, {@code lte}, {@code gt}, {@code gte}.
 *
 * @param <T> the field's Java type
 * @param <F> the concrete filter
 */
public abstract class OrderedFilter<T, F extends OrderedFilter<T, F>> extends ScalarFilter<T, F> {

    /** {@code lt: value}. */
    public final F lt(T value) {
        arg("lt", value);
        return self();
    }

    /** {@code lte: value}. */
    public final F lte(T value) {
        arg("lte", value);
        return self();
    }

    /** {@code gt: value}. */
    public final F gt(T value) {
        arg("gt", value);
        return self();
    }

    /** {@code gte: value}. */
    public final F gte(T value) {
        arg("gte", value);
        return self();
    }
}
