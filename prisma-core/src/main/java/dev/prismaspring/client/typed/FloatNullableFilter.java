package dev.prismaspring.client.typed;

/** Prisma's {@code FloatNullableFilter}, for optional fields: {@link FloatFilter} plus the null tests. */
public final class FloatNullableFilter extends OrderedFilter<Double, FloatNullableFilter> {

    /** {@code equals: null}: the field has no value. */
    public FloatNullableFilter isNull() {
        return equalsNull();
    }

    /** {@code not: null}: the field has a value. */
    public FloatNullableFilter isNotNull() {
        return notNull();
    }
}
