package dev.prismaspring.client.typed;

/** Prisma's {@code DecimalNullableFilter}, for optional fields: {@link DecimalFilter} plus the null tests. */
public final class DecimalNullableFilter extends OrderedFilter<java.math.BigDecimal, DecimalNullableFilter> {

    /** {@code equals: null}: the field has no value. */
    public DecimalNullableFilter isNull() {
        return equalsNull();
    }

    /** {@code not: null}: the field has a value. */
    public DecimalNullableFilter isNotNull() {
        return notNull();
    }
}
