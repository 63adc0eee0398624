package dev.prismaspring.client.typed;

/** Prisma's {@code BytesFilter} / {@code BytesNullableFilter}. */
public final class BytesFilter extends ScalarFilter<byte[], BytesFilter> {
}
