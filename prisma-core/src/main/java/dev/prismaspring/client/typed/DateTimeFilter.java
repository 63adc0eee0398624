package dev.prismaspring.client.typed;

/** Prisma's {@code DateTimeFilter}, for required fields (optional ones use {@link DateTimeNullableFilter}). */
public final class DateTimeFilter extends OrderedFilter<java.time.Instant, DateTimeFilter> {
}
