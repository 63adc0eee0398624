package dev.prismaspring.client.typed;

/**
 * Prisma's {@code EnumXFilter} for a generated enum.
 *
 * @param <E> the generated enum
 */
public final class EnumFilter<E extends Enum<E> & PrismaEnum> extends ScalarFilter<E, EnumFilter<E>> {
}
