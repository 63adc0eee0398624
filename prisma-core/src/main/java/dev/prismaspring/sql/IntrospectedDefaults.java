package dev.prismaspring.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helpers the introspectors share to read default expressions back into {@link ColumnDefault}s: SQL string
 * literals, numbers, date-times in the calculator's text form, JSON in compact form.
 */
public final class IntrospectedDefaults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    private IntrospectedDefaults() {
    }

    /**
     * The content of a single-quoted SQL literal at the start of {@code sql} ({@code ''} undoubled; with
     * {@code backslashEscapes}, {@code \'} and {@code \\} too), and the rest after it; {@code null} when
     * {@code sql} does not start with a quote.
     */
    public static String[] stringLiteral(String sql, boolean backslashEscapes) {
        if (sql == null || sql.isEmpty() || sql.charAt(0) != '\'') {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\' && i + 1 < sql.length()) {
                char n = sql.charAt(i + 1);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    default -> n;
                });
                i += 2;
                continue;
            }
            if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i += 2;
                    continue;
                }
                return new String[] {out.toString(), sql.substring(i + 1)};
            }
            out.append(c);
            i++;
        }
        return null;
    }

    /** Whether {@code s} is a decimal number literal ({@code 1}, {@code -2.50}, {@code 1e3}). */
    public static boolean isNumber(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        try {
            new BigDecimal(s);
            return !s.startsWith("+") && Character.isDigit(s.charAt(s.length() - 1));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code s} without one level of enclosing parentheses, repeatedly ({@code ((-1))} → {@code -1}). */
    public static String stripParens(String s) {
        String t = s.trim();
        while (t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** Splits at top-level commas (outside quotes, parentheses and brackets), trimming each part. */
    public static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        String last = s.substring(start).trim();
        if (!last.isEmpty() || !out.isEmpty()) {
            out.add(last);
        }
        return out;
    }

    /**
     * A date-time literal in the form the calculator stores ({@code 2020-01-02 03:04:05.123 +00:00}); a value
     * without offset is taken as UTC; {@code null} when it is not a date-time.
     */
    public static String dateTime(String text) {
        String t = text.trim();
        try {
            OffsetDateTime odt;
            try {
                odt = OffsetDateTime.parse(t.replace(' ', 'T').replaceFirst("T([+-])", "$1")
                        .replaceFirst("([+-]\\d\\d)$", "$1:00"));
            } catch (DateTimeParseException e) {
                if (t.length() == 10) {
                    odt = LocalDate.parse(t).atStartOfDay().atOffset(ZoneOffset.UTC);
                } else {
                    odt = LocalDateTime.parse(t, LOCAL).atOffset(ZoneOffset.UTC);
                }
            }
            return SqlSchemaCalculator.dateTimeLiteral(odt.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** JSON text in compact form (as the calculator stores it), or the text itself when it is not JSON. */
    public static String compactJson(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return JSON.writeValueAsString(node);
        } catch (RuntimeException e) {
            return text;
        }
    }

    /** A scalar default from a literal's text and the column's family ({@code null} family: as a string). */
    public static ColumnDefault literal(TypeFamily family, String value, boolean quoted) {
        if (family == null) {
            return new ColumnDefault.StringValue(value);
        }
        return switch (family) {
            case BOOLEAN -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "1", "t" -> new ColumnDefault.BooleanValue(true);
                case "false", "0", "f" -> new ColumnDefault.BooleanValue(false);
                default -> null;
            };
            case INT, BIG_INT, FLOAT, DECIMAL -> isNumber(value) ? new ColumnDefault.NumberValue(value) : null;
            case DATE_TIME -> {
                String dt = dateTime(value);
                yield dt == null ? null : new ColumnDefault.DateTimeValue(dt);
            }
            case JSON -> new ColumnDefault.JsonValue(compactJson(value));
            case BINARY -> null;
            case STRING, UUID -> quoted ? new ColumnDefault.StringValue(value) : null;
        };
    }
}
