package dev.prismaspring.client.typed;

/**
 * Prisma's {@code EnumXNullableFilter}, for optional fields of a generated enum: {@link EnumFilter} plus the null
 * tests.
 *
 * @param <E> the generated enum
 */
public final class EnumNullableFilter<E extends Enum<E> & PrismaEnum> extends ScalarFilter<E, EnumNullableFilter<E>> {

    /** {@code equals: null}: the field has no value. */
    public EnumNullableFilter<E> isNull() {
        return equalsNull();
    }

    /** {@code not: null}: the field has a value. */
    public EnumNullableFilter<E> isNotNull() {
        return notNull();
    }
}
