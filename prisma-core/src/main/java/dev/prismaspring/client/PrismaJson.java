package dev.prismaspring.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders client results as JSON, as the CLI and endpoints print them: DateTime as ISO-8601 UTC with milliseconds
 * ({@code 2026-11-21T09:30:00.000Z}), BigInt (Long) and Decimal as JSON strings, Bytes as base64, Json values as
 * themselves, enums as strings.
 */
public final class PrismaJson {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PrismaJson() {
    }

    /** A result (map, list, scalar) as a JSON tree. */
    public static JsonNode toTree(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode n) {
            return n;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = NODES.objectNode();
            map.forEach((k, v) -> o.set(String.valueOf(k), toTree(v)));
            return o;
        }
        if (value instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            list.forEach(v -> a.add(toTree(v)));
            return a;
        }
        if (value instanceof Instant t) {
            return NODES.stringNode(ISO_MILLIS.format(t));
        }
        if (value instanceof Long l) {
            return NODES.stringNode(l.toString());
        }
        if (value instanceof BigDecimal d) {
            return NODES.stringNode(d.toPlainString());
        }
        if (value instanceof byte[] b) {
            return NODES.stringNode(Base64.getEncoder().encodeToString(b));
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        return NODES.stringNode(value.toString());
    }

    /** A result as compact JSON text. */
    public static String render(Object value) {
        return MAPPER.writeValueAsString(toTree(value));
    }

    /** DateTime as Prisma renders it. */
    public static String formatDateTime(Instant t) {
        return ISO_MILLIS.format(t);
    }

    /** A result map converted to {@code type} by Jackson (dates as Instants, decimals, Json trees). */
    public static <T> T convert(Map<String, Object> record, Class<T> type) {
        return MAPPER.convertValue(record, type);
    }
}
