package dev.prismaspring.query.fuzz;

import dev.prismaspring.query.QuerySchema;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ScalarField;
import dev.prismaspring.schema.Datamodel.ScalarType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Values for filters, cursors and unique criteria: valid ones for a field's type (half of the time one that is in
 * the seeded data, so that filters match rows; otherwise edge values: unicode, SQL-looking strings, LIKE
 * wildcards, extreme numbers) and values that are wrong for a field (other JSON types, out of range, not a value
 * of the enum, not a date).
 */
public final class FuzzValues {

    /** Strings that must reach SQL as plain bind parameters. */
    public static final List<String> HOSTILE_STRINGS = List.of(
            "'; DROP TABLE \"User\"; --", "\" OR 1=1 --", "` OR 1=1 #", "%", "_", "\\", "\\%", "100%_sure",
            "?", "$1", ":name", "/* */", "Zoë", "日本語", "emoji 🎉", "\u202Ertl", "a\u0301", "", " ", "\t\n",
            "x".repeat(300), "NULL", "null");

    private static final JsonNodeFactory N = JsonNodeFactory.instance;

    private final Map<String, List<JsonNode>> pools = new HashMap<>();

    /** Adds a value present in the data for {@code model.field}. */
    public FuzzValues known(String model, String field, Object... values) {
        List<JsonNode> pool = pools.computeIfAbsent(model + "." + field, k -> new ArrayList<>());
        for (Object v : values) {
            pool.add(tools.jackson.databind.json.JsonMapper.shared().valueToTree(v));
        }
        return this;
    }

    /** A valid value for {@code f} (never null). */
    public JsonNode valid(FuzzContext c, QuerySchema.ModelInfo m, ScalarField f) {
        List<JsonNode> pool = pools.getOrDefault(m.name() + "." + f.name(), List.of());
        if (!pool.isEmpty() && c.chance(0.6)) {
            return c.pick(pool);
        }
        if (f.type() instanceof Datamodel.EnumRef e) {
            Datamodel.EnumType t = c.schema().datamodel().enumType(e.enumName()).orElseThrow();
            return N.stringNode(c.pick(t.values()).name());
        }
        ScalarType type = ((Datamodel.BuiltIn) f.type()).type();
        return switch (type) {
            case Int -> N.numberNode(c.pick(0, 1, 2, 3, -1, 999, Integer.MAX_VALUE, Integer.MIN_VALUE));
            case BigInt -> c.chance(0.5) ? N.numberNode(c.pick(0L, Long.MAX_VALUE, Long.MIN_VALUE))
                    : N.stringNode(c.pick("0", "9223372036854775807", "-42"));
            case Float -> N.numberNode(c.pick(0.0, -1.5, 1e300, 3.25));
            case Decimal -> c.chance(0.5) ? N.stringNode(c.pick("0", "10.25", "-0.5")) : N.numberNode(1.5);
            case String -> N.stringNode(c.pick(HOSTILE_STRINGS));
            case Boolean -> N.booleanNode(c.chance(0.5));
            case DateTime -> N.stringNode(c.pick("2026-01-01T10:00:00.123Z", "2026-03-01T12:30:00+02:00",
                    "1970-01-01T00:00:00Z", "2026-02-01", "2099-12-31T23:59:59.999Z", "1900-01-01T00:00:00Z"));
            case Json -> N.objectNode().put("a", 1);
            case Bytes -> N.stringNode(c.pick("AQID", "", "/w=="));
        };
    }

    /** A value of the wrong type or out of range for {@code f}, with what is wrong about it. */
    public Wrong wrong(FuzzContext c, QuerySchema.ModelInfo m, ScalarField f) {
        if (f.type() instanceof Datamodel.EnumRef e) {
            Datamodel.EnumType t = c.schema().datamodel().enumType(e.enumName()).orElseThrow();
            List<Wrong> options = new ArrayList<>(List.of(
                    new Wrong(N.stringNode("SUPERUSER"), "unknown enum value"),
                    new Wrong(N.stringNode(t.values().get(0).name().toLowerCase(java.util.Locale.ROOT) + "_"),
                            "unknown enum value"),
                    new Wrong(N.numberNode(0), "enum as number"),
                    new Wrong(N.booleanNode(true), "enum as boolean")));
            t.values().stream().filter(v -> !v.dbName().equals(v.name()))
                    .forEach(v -> options.add(new Wrong(N.stringNode(v.dbName()), "enum @map name instead of value")));
            return c.pick(options);
        }
        ScalarType type = ((Datamodel.BuiltIn) f.type()).type();
        return switch (type) {
            case Int -> c.pick(new Wrong(N.stringNode("12"), "Int as string"),
                    new Wrong(N.numberNode(1.5), "Int with a fraction"),
                    new Wrong(N.numberNode(2147483648L), "Int out of range"),
                    new Wrong(N.numberNode(new java.math.BigInteger("99999999999999999999999")), "Int far out of range"),
                    new Wrong(N.booleanNode(true), "Int as boolean"),
                    new Wrong(N.arrayNode().add(1), "Int as array"));
            case String -> c.pick(new Wrong(N.numberNode(42), "String as number"),
                    new Wrong(N.booleanNode(false), "String as boolean"),
                    new Wrong(N.arrayNode().add("a"), "String as array"));
            case Boolean -> c.pick(new Wrong(N.stringNode("true"), "Boolean as string"),
                    new Wrong(N.numberNode(1), "Boolean as number"));
            case DateTime -> c.pick(new Wrong(N.stringNode("not a date"), "invalid DateTime"),
                    new Wrong(N.stringNode("2026-13-45T25:61:00Z"), "invalid DateTime"),
                    new Wrong(N.stringNode("'; DROP TABLE posts; --"), "SQL as DateTime"),
                    new Wrong(N.numberNode(1700000000000L), "DateTime as number"));
            case BigInt -> c.pick(new Wrong(N.stringNode("9223372036854775808"), "BigInt out of range"),
                    new Wrong(N.stringNode("12abc"), "BigInt as non-numeric string"));
            case Float -> new Wrong(N.stringNode("1.5"), "Float as string");
            case Decimal -> new Wrong(N.stringNode("ten"), "Decimal as non-numeric string");
            case Json -> new Wrong(N.stringNode("x"), "Json filter as string");
            case Bytes -> new Wrong(N.stringNode("***"), "Bytes not base64");
        };
    }

    /** A wrong value and what is wrong about it. */
    public record Wrong(JsonNode value, String what) {
    }
}
