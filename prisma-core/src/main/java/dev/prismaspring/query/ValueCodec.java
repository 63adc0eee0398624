package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.sql.SqlDialect;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Converts values between Java and each database: how a {@link TypedValue} is bound, and how a column (or a value
 * inside a JSON aggregate) becomes the result type of its field (Int → Integer, BigInt → Long, Float → Double,
 * Decimal → BigDecimal, DateTime → Instant, Json → JsonNode, Bytes → byte[], enum → String). What differs per
 * database (how single values are bound and which JDBC getter reads them) is the dialect's
 * {@link SqlDialect#bindValue} and {@link SqlDialect#readValue}.
 *
 * <p>Storage conventions: DateTime is {@code TIMESTAMP(3)}/{@code DATETIME(3)} in UTC on PostgreSQL and MySQL, and
 * Unix epoch milliseconds on SQLite (as Prisma's engine writes it; text dates such as {@code CURRENT_TIMESTAMP}
 * defaults are read too). Booleans are 0/1 on SQLite and MySQL. Decimals are normalised (no trailing zeros), so
 * that every database gives the same value.
 */
public final class ValueCodec {

    private static final DateTimeFormatter SQL_DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd[' ']['T']HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private final QuerySchema schema;
    private final SqlDialect dialect;
    /** Per enum: database name → schema name of each value. */
    private final java.util.Map<String, java.util.Map<String, String>> enumNames = new java.util.HashMap<>();

    public ValueCodec(QuerySchema schema) {
        this.schema = schema;
        this.dialect = schema.dialect();
        for (Datamodel.EnumType e : schema.datamodel().enums()) {
            java.util.Map<String, String> names = new java.util.HashMap<>();
            for (Datamodel.EnumValueDef v : e.values()) {
                names.putIfAbsent(v.dbName(), v.name());
            }
            enumNames.putIfAbsent(e.name(), names);
        }
    }

    /** The schema whose values this codec converts. */
    public QuerySchema schema() {
        return schema;
    }

    // ------------------------------------------------------------------------------------------ binding

    /** Binds {@code v} at {@code index}. */
    public void bind(PreparedStatement ps, int index, TypedValue v) throws SQLException {
        Object value = v.value();
        if (v.list()) {
            List<?> items = (List<?>) value;
            Object[] array = new Object[items.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = bindable(items.get(i), v);
            }
            Array a = ps.getConnection().createArrayOf(pgElementType(v), array);
            ps.setArray(index, a);
            return;
        }
        if (value == null) {
            ps.setNull(index, Types.NULL);
            return;
        }
        if (v.enumName() != null) {
            dialect.bindValue(ps, index, null, value);
        } else if (v.type() == ScalarType.Json) {
            dialect.bindValue(ps, index, ScalarType.Json,
                    value instanceof JsonNode n ? ArgumentParser.JSON.writeValueAsString(n) : value.toString());
        } else {
            dialect.bindValue(ps, index, v.type(), value);
        }
    }

    private static Object bindable(Object item, TypedValue v) {
        if (item instanceof Instant t) {
            return Timestamp.valueOf(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        }
        if (item instanceof JsonNode n) {
            return ArgumentParser.JSON.writeValueAsString(n);
        }
        return item;
    }

    /** The PostgreSQL array element type of a scalar list value. */
    static String pgElementType(TypedValue v) {
        if (v.enumName() != null) {
            return "text";
        }
        return switch (v.type()) {
            case Int -> "int4";
            case BigInt -> "int8";
            case Float -> "float8";
            case Decimal -> "numeric";
            case String -> "text";
            case Boolean -> "bool";
            case DateTime -> "timestamp";
            case Json -> "jsonb";
            case Bytes -> "bytea";
        };
    }

    // ------------------------------------------------------------------------------------------ reading

    /** Reads column {@code index} as the result value of {@code f}. */
    public Object read(ResultSet rs, int index, Datamodel.ScalarField f) throws SQLException {
        if (f.arity() == Datamodel.Arity.LIST) {
            Array a = rs.getArray(index);
            if (a == null) {
                return null;
            }
            Object[] items = (Object[]) a.getArray();
            List<Object> out = new ArrayList<>(items.length);
            for (Object item : items) {
                out.add(convert(item, f));
            }
            return out;
        }
        ScalarType type = f.type() instanceof Datamodel.BuiltIn b ? b.type() : null;
        Object raw = dialect.readValue(rs, index, type);
        // object getters return null for NULL; the primitive ones return 0 or false, so only those values need
        // wasNull(), which costs a native call per column on sqlite-jdbc
        if (raw == null || zeroOrFalse(raw) && rs.wasNull()) {
            return null;
        }
        return convert(raw, f);
    }

    private static boolean zeroOrFalse(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue() == 0;
        }
        if (raw instanceof Number n) {
            return n.doubleValue() == 0;
        }
        return Boolean.FALSE.equals(raw);
    }

    /** Converts a raw JDBC value to the result type of {@code f}. */
    public Object convert(Object raw, Datamodel.ScalarField f) {
        if (raw == null) {
            return null;
        }
        if (f.type() instanceof Datamodel.EnumRef e) {
            return enumName(e.enumName(), raw.toString());
        }
        ScalarType type = ((Datamodel.BuiltIn) f.type()).type();
        return convert(raw, type);
    }

    /** Converts a raw JDBC value to the result type of a scalar type. */
    public static Object convert(Object raw, ScalarType type) {
        if (raw == null) {
            return null;
        }
        return switch (type) {
            // values already of the result type are returned as they are (no second boxing)
            case Int -> raw instanceof Integer ? raw
                    : raw instanceof Number n ? n.intValue() : Integer.parseInt(raw.toString());
            case BigInt -> raw instanceof Long ? raw
                    : raw instanceof Number n ? n.longValue() : Long.parseLong(raw.toString());
            case Float -> raw instanceof Double ? raw
                    : raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString());
            case Decimal -> normalize(raw instanceof BigDecimal d ? d : new BigDecimal(raw.toString()));
            case String -> raw.toString();
            case Boolean -> raw instanceof Boolean b ? b : raw instanceof Number n ? n.intValue() != 0
                    : raw.toString().equals("1") || raw.toString().equalsIgnoreCase("true")
                    || raw.toString().equals("t");
            case DateTime -> dateTime(raw);
            case Json -> raw instanceof JsonNode n ? n : ArgumentParser.JSON.readTree(raw.toString());
            case Bytes -> raw instanceof byte[] b ? b : HexFormat.of().parseHex(raw.toString());
        };
    }

    /** A decimal without trailing zeros (and never in exponent form with a negative scale). */
    public static BigDecimal normalize(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static Instant dateTime(Object raw) {
        if (raw instanceof Instant i) {
            return i;
        }
        if (raw instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (raw instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (raw instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (raw instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        String s = raw.toString().trim();
        if (isInteger(s)) {
            return Instant.ofEpochMilli(Long.parseLong(s));
        }
        // most values (JSON aggregates, text dates) carry no offset: parse those directly, without the
        // exception that parseBest throws and catches for each of them when it tries OffsetDateTime first
        if (!hasOffset(s)) {
            LocalDateTime simple = simpleDateTime(s);
            return (simple != null ? simple : SQL_DATE_TIME.parse(s, LocalDateTime::from)).toInstant(ZoneOffset.UTC);
        }
        var parsed = SQL_DATE_TIME.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    /**
     * The usual date-time text ({@code uuuu-MM-dd HH:mm[:ss[.f...]]}, with a space or a {@code T}, as JSON
     * aggregates and SQLite text dates hold it) read by hand; {@code null} for any other form or an out-of-range
     * field, which {@link #SQL_DATE_TIME} then parses (or rejects) as before. The formatter costs microseconds per
     * value, a large part of decoding a {@code join} result.
     */
    static LocalDateTime simpleDateTime(String s) {
        int n = s.length();
        if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
                || s.charAt(13) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = 0;
        int nano = 0;
        if (n > 16) {
            if (n < 19 || s.charAt(16) != ':') {
                return null;
            }
            second = digits(s, 17, 19);
            if (n > 19) {
                int fraction = n - 20;
                if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                    return null;
                }
                nano = digits(s, 20, n);
                for (int i = fraction; i < 9; i++) {
                    nano *= 10;
                }
            }
        }
        if ((year | month | day | hour | minute | second | nano) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59
                || second > 59) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nano);
    }

    /** The decimal value of {@code s[from, to)}, or -1 if a character there is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isInteger(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() <= start) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether a date-time text ends in an offset ({@code Z}, {@code +hh...}, {@code -hh...} after the time). */
    private static boolean hasOffset(String s) {
        int t = Math.max(s.indexOf('T'), s.indexOf(' '));
        if (t < 0) {
            return true; // not a date-time we know: let parseBest report it
        }
        for (int i = t + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'Z' || c == 'z' || c == '+' || c == '-') {
                return true;
            }
        }
        return false;
    }

    private String enumName(String enumName, String dbName) {
        java.util.Map<String, String> names = enumNames.get(enumName);
        String name = names == null ? null : names.get(dbName);
        return name != null ? name : dbName;
    }

    /**
     * The value at {@code p}'s current token inside a JSON aggregate, as the result value of {@code f}: the same
     * as {@link #fromJson(JsonNode, Datamodel.ScalarField)} of that value, without building a tree for the usual
     * tokens (a string, an integer, a boolean, null); other tokens are read as a tree and converted by it.
     */
    public Object fromJson(JsonParser p, Datamodel.ScalarField f) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (f.arity() != Datamodel.Arity.LIST) {
            if (f.type() instanceof Datamodel.EnumRef e) {
                if (t == JsonToken.VALUE_STRING) {
                    return enumName(e.enumName(), p.getString());
                }
            } else {
                Object v = scalarFromJson(p, t, ((Datamodel.BuiltIn) f.type()).type());
                if (v != null) {
                    return v;
                }
            }
        }
        Object tree = p.readValueAsTree();
        return fromJson((JsonNode) tree, f);
    }

    /** A scalar at the current token, or {@code null} when the token needs the tree conversion. */
    private static Object scalarFromJson(JsonParser p, JsonToken t, ScalarType type) {
        boolean integral = t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
        switch (type) {
            case Json:
                return t == JsonToken.VALUE_STRING ? ArgumentParser.JSON.readTree(p.getString()) : null;
            case Boolean:
                if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    return t == JsonToken.VALUE_TRUE;
                }
                if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                    return p.getIntValue() == 1; // as convert of its text: only "1" is true
                }
                return t == JsonToken.VALUE_STRING ? convert(p.getString(), type) : null;
            case Int:
                if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                    return p.getIntValue();
                }
                return numberFromJson(p, t, type);
            case BigInt:
                return integral ? (Object) p.getLongValue() : numberFromJson(p, t, type);
            case Float, Decimal:
                return numberFromJson(p, t, type);
            default:
                // String, DateTime (epoch milliseconds on SQLite) and Bytes
                if (t == JsonToken.VALUE_STRING) {
                    return convert(p.getString(), type);
                }
                return integral ? convert(p.getLongValue(), type) : null;
        }
    }

    private static Object numberFromJson(JsonParser p, JsonToken t, ScalarType type) {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return convert(p.getDecimalValue(), type);
        }
        return t == JsonToken.VALUE_STRING ? convert(p.getString(), type) : null;
    }

    /** A value inside a JSON aggregate (join strategy) as the result value of {@code f}. */
    public Object fromJson(JsonNode node, Datamodel.ScalarField f) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (f.arity() == Datamodel.Arity.LIST) {
            JsonNode arr = node.isString() ? ArgumentParser.JSON.readTree(node.stringValue()) : node;
            List<Object> out = new ArrayList<>();
            Datamodel.ScalarField one = new Datamodel.ScalarField(f.name(), f.dbName(), f.type(),
                    Datamodel.Arity.REQUIRED, null, null, false, false, null);
            arr.values().forEach(x -> out.add(fromJson(x, one)));
            return out;
        }
        if (f.type() instanceof Datamodel.EnumRef e) {
            return enumName(e.enumName(), node.asString());
        }
        ScalarType type = ((Datamodel.BuiltIn) f.type()).type();
        return switch (type) {
            case Json -> node.isString() ? ArgumentParser.JSON.readTree(node.stringValue()) : node;
            case Boolean -> node.isBoolean() ? node.booleanValue() : convert(node.asString(), type);
            case Int, BigInt, Float, Decimal -> convert(node.isNumber() ? node.decimalValue() : node.asString(), type);
            default -> convert(node.isNumber() ? (Object) node.longValue() : node.asString(), type);
        };
    }
}
