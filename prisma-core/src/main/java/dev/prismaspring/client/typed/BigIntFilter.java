package dev.prismaspring.client.typed;

/** Prisma's {@code BigIntFilter}, for required fields (optional ones use {@link BigIntNullableFilter}). */
public final class BigIntFilter extends OrderedFilter<Long, BigIntFilter> {
}
