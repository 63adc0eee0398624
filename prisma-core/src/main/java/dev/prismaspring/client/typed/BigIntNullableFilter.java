package dev.prismaspring.client.typed;

/** Prisma's {@code BigIntNullableFilter}, for optional fields: {@link BigIntFilter} plus the null tests. */
public final class BigIntNullableFilter extends OrderedFilter<Long, BigIntNullableFilter> {

    /** {@code equals: null}: the field has no value. */
    public BigIntNullableFilter isNull() {
        return equalsNull();
    }

    /** {@code not: null}: the field has a value. */
    public BigIntNullableFilter isNotNull() {
        return notNull();
    }
}
