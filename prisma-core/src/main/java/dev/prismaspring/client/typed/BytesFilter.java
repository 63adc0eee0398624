package dev.prismaspring.client.typed;

/** Prisma's {@code BytesFilter}, for required fields (optional ones use {@link BytesNullableFilter}). */
public final class BytesFilter extends ScalarFilter<byte[], BytesFilter> {
}
