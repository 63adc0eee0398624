package dev.prismaspring.client.typed;

/** Prisma's {@code IntFilter} / {@code IntNullableFilter}. */
public final class IntFilter extends OrderedFilter<Integer, IntFilter> {
}
