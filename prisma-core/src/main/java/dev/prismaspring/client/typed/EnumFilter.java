package dev.prismaspring.client.typed;

/**
 * Prisma's {@code EnumXFilter} for a required field of a generated enum (optional ones use
 * {@link EnumNullableFilter}).
 *
 * @param <E> the generated enum
 */
public final class EnumFilter<E extends Enum<E> & PrismaEnum> extends ScalarFilter<E, EnumFilter<E>> {
}
