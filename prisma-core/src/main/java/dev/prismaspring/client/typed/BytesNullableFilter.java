package dev.prismaspring.client.typed;

/** Prisma's {@code BytesNullableFilter}, for optional fields: {@link BytesFilter} plus the null tests. */
public final class BytesNullableFilter extends ScalarFilter<byte[], BytesNullableFilter> {

    /** {@code equals: null}: the field has no value. */
    public BytesNullableFilter isNull() {
        return equalsNull();
    }

    /** {@code not: null}: the field has a value. */
    public BytesNullableFilter isNotNull() {
        return notNull();
    }
}
