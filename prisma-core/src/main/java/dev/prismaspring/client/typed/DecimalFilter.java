package dev.prismaspring.client.typed;

/** Prisma's {@code DecimalFilter}, for required fields (optional ones use {@link DecimalNullableFilter}). */
public final class DecimalFilter extends OrderedFilter<java.math.BigDecimal, DecimalFilter> {
}
