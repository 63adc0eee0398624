package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;

/**
 * A bind parameter with the schema type that decides how it is bound: {@code value} is an Integer, Long, Double,
 * BigDecimal, String (also enum database names), Boolean, Instant, JsonNode, byte[], or a {@code List} of those for
 * scalar lists.
 *
 * @param value the value ({@code null} binds SQL NULL)
 * @param type  the scalar type, or {@code null} for an enum
 * @param enumName the enum name for enum values, else {@code null}
 * @param list  whether the value is a list (PostgreSQL array)
 */
public record TypedValue(Object value, Datamodel.ScalarType type, String enumName, boolean list) {

    public static TypedValue of(Object value, Datamodel.ScalarType type) {
        return new TypedValue(value, type, null, false);
    }

    public static TypedValue integer(long value) {
        return new TypedValue(value, Datamodel.ScalarType.BigInt, null, false);
    }

    public static TypedValue string(String value) {
        return new TypedValue(value, Datamodel.ScalarType.String, null, false);
    }

    /** This value's type for another value (same field). */
    public TypedValue with(Object other) {
        return new TypedValue(other, type, enumName, false);
    }
}
