package dev.prismaspring.client.typed;

/** Prisma's {@code StringNullableFilter}, for optional fields: {@link StringFilter} plus the null tests. */
public final class StringNullableFilter extends StringOperatorsFilter<StringNullableFilter> {

    /** {@code equals: null}: the field has no value. */
    public StringNullableFilter isNull() {
        return equalsNull();
    }

    /** {@code not: null}: the field has a value. */
    public StringNullableFilter isNotNull() {
        return notNull();
    }
}
