package dev.prismaspring.client.typed;

/** Prisma's {@code BoolNullableFilter}, for optional fields: {@link BoolFilter} plus the null tests. */
public final class BoolNullableFilter extends ScalarFilter<Boolean, BoolNullableFilter> {

    /** {@code equals: null}: the field has no value. */
    public BoolNullableFilter isNull() {
        return equalsNull();
    }

    /** {@code not: null}: the field has a value. */
    public BoolNullableFilter isNotNull() {
        return notNull();
    }
}
