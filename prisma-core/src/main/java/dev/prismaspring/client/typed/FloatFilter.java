package dev.prismaspring.client.typed;

/** Prisma's {@code FloatFilter}, for required fields (optional ones use {@link FloatNullableFilter}). */
public final class FloatFilter extends OrderedFilter<Double, FloatFilter> {
}
