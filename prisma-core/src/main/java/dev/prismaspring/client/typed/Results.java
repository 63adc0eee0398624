package dev.prismaspring.client.typed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Converts the dynamic client's result values into the Java types of generated records. The client already
 * returns these types (Integer, Long, Double, BigDecimal, String, Boolean, Instant, JsonNode, byte[], enum names
 * as String); the conversions only widen what a driver may hand back differently.
 */
public final class Results {

    private Results() {
    }

    public static Integer asInteger(Object v) {
        return v == null ? null : v instanceof Integer i ? i : Integer.valueOf(((Number) v).intValue());
    }

    public static Long asLong(Object v) {
        return v == null ? null : v instanceof Long l ? l
                : v instanceof Number n ? Long.valueOf(n.longValue()) : Long.valueOf(v.toString());
    }

    public static Double asDouble(Object v) {
        return v == null ? null : v instanceof Double d ? d : Double.valueOf(((Number) v).doubleValue());
    }

    public static BigDecimal asDecimal(Object v) {
        return v == null ? null : v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
    }

    public static String asString(Object v) {
        return v == null ? null : v.toString();
    }

    public static Boolean asBoolean(Object v) {
        return v == null ? null : v instanceof Boolean b ? b : Boolean.valueOf(((Number) v).intValue() != 0);
    }

    public static Instant asInstant(Object v) {
        return v == null ? null : v instanceof Instant t ? t : Instant.parse(v.toString());
    }

    public static JsonNode asJson(Object v) {
        return v == null ? null : v instanceof JsonNode n ? n : dev.prismaspring.client.PrismaJson.toTree(v);
    }

    public static byte[] asBytes(Object v) {
        return v == null ? null : v instanceof byte[] b ? b : Base64.getDecoder().decode(v.toString());
    }

    /** An enum value from its Prisma name. */
    public static <E> E asEnum(Object v, Function<String, E> byName) {
        return v == null ? null : byName.apply(v.toString());
    }

    /** A scalar list, element by element. */
    public static <T> List<T> asList(Object v, Function<Object, T> element) {
        if (v == null) {
            return null;
        }
        List<T> out = new ArrayList<>();
        for (Object x : (List<?>) v) {
            out.add(element.apply(x));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** A record (a related one, or a result) from a result map, or {@code null}. */
    public static <T> T asRecord(Object v, Function<Map<String, ?>, T> mapper) {
        return v == null ? null : mapper.apply(asMap(v));
    }

    /** A list of records from a list of result maps, or {@code null} when the relation was not read. */
    public static <T> List<T> asRecords(Object v, Function<Map<String, ?>, T> mapper) {
        if (v == null) {
            return null;
        }
        List<?> rows = (List<?>) v;
        List<T> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            out.add(mapper.apply(asMap(row)));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** The {@code count} of a batch result ({@code { count: n }} or a bare number). */
    public static BatchPayload asBatch(Object v) {
        Object count = v instanceof Map<?, ?> m ? m.get("count") : v;
        return new BatchPayload(count == null ? 0 : ((Number) count).longValue());
    }

    /** A plain {@code count} result. */
    public static long asCount(Object v) {
        return ((Number) v).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Object v) {
        return (Map<String, ?>) v;
    }
}
