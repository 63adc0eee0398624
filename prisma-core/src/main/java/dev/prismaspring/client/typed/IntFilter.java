package dev.prismaspring.client.typed;

/** Prisma's {@code IntFilter}, for required fields (optional ones use {@link IntNullableFilter}). */
public final class IntFilter extends OrderedFilter<Integer, IntFilter> {
}
