package dev.prismaspring.client.typed;

/** Prisma's {@code FloatFilter} / {@code FloatNullableFilter}. */
public final class FloatFilter extends OrderedFilter<Double, FloatFilter> {
}
