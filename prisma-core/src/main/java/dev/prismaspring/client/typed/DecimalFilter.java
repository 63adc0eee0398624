package dev.prismaspring.client.typed;

/** Prisma's {@code DecimalFilter} / {@code DecimalNullableFilter}. */
public final class DecimalFilter extends OrderedFilter<java.math.BigDecimal, DecimalFilter> {
}
