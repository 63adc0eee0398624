package dev.prismaspring.client.typed;

/** Prisma's {@code BigIntFilter} / {@code BigIntNullableFilter}. */
public final class BigIntFilter extends OrderedFilter<Long, BigIntFilter> {
}
