package dev.prismaspring.client.typed;

/** Prisma's {@code BoolFilter} / {@code BoolNullableFilter}. */
public final class BoolFilter extends ScalarFilter<Boolean, BoolFilter> {
}
