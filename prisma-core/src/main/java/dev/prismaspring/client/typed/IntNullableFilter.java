package dev.prismaspring.client.typed;

/** Prisma's {@code IntNullableFilter}, for optional fields: {@link IntFilter} plus the null tests. */
public final class IntNullableFilter extends OrderedFilter<Integer, IntNullableFilter> {

    /** {@code equals: null}: the field has no value. */
    public IntNullableFilter isNull() {
        return equalsNull();
    }

    /** {@code not: null}: the field has a value. */
    public IntNullableFilter isNotNull() {
        return notNull();
    }
}
