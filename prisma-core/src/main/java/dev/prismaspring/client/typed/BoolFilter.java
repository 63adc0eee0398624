package dev.prismaspring.client.typed;

/** Prisma's {@code BoolFilter}, for required fields (optional ones use {@link BoolNullableFilter}). */
public final class BoolFilter extends ScalarFilter<Boolean, BoolFilter> {
}
