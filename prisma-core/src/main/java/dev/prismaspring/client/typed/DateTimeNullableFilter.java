package dev.prismaspring.client.typed;

/** Prisma's {@code DateTimeNullableFilter}, for optional fields: {@link DateTimeFilter} plus the null tests. */
public final class DateTimeNullableFilter extends OrderedFilter<java.time.Instant, DateTimeNullableFilter> {

    /** {@code equals: null}: the field has no value. */
    public DateTimeNullableFilter isNull() {
        return equalsNull();
    }

    /** {@code not: null}: the field has a value. */
    public DateTimeNullableFilter isNotNull() {
        return notNull();
    }
}
