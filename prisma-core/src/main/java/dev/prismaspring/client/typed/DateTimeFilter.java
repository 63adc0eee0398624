package dev.prismaspring.client.typed;

/** Prisma's {@code DateTimeFilter} / {@code DateTimeNullableFilter}. */
public final class DateTimeFilter extends OrderedFilter<java.time.Instant, DateTimeFilter> {
}
