package dev.prismaspring.client.typed;

/** Prisma's {@code StringFilter}, for required fields (optional ones use {@link StringNullableFilter}). */
public final class StringFilter extends StringOperatorsFilter<StringFilter> {
}
