package dev.prismaspring.sql;

import java.util.function.UnaryOperator;

/** Rendering of the default values that all dialects write the same way. */
public final class Defaults {

    private Defaults() {
    }

    /**
     * The common rendering of a default: expressions as written, strings, enum values, JSON and date-times
     * quoted, numbers and booleans as literals, {@code now()} as {@code now}; empty for sequences and bare
     * {@code dbgenerated()}. Lists and bytes are dialect-specific and rejected here.
     */
    public static String render(ColumnDefault value, UnaryOperator<String> quoteString, String now) {
        if (value instanceof ColumnDefault.DbGenerated g) {
            return g.hasExpression() ? g.expression() : "";
        } else if (value instanceof ColumnDefault.Sequence) {
            return "";
        } else if (value instanceof ColumnDefault.Now) {
            return now;
        } else if (value instanceof ColumnDefault.StringValue s) {
            return quoteString.apply(s.value());
        } else if (value instanceof ColumnDefault.EnumValue e) {
            return quoteString.apply(e.value());
        } else if (value instanceof ColumnDefault.JsonValue j) {
            return quoteString.apply(j.json());
        } else if (value instanceof ColumnDefault.DateTimeValue d) {
            return quoteString.apply(d.value());
        } else if (value instanceof ColumnDefault.NumberValue n) {
            return n.literal();
        } else if (value instanceof ColumnDefault.BooleanValue b) {
            return Boolean.toString(b.value());
        }
        throw new IllegalArgumentException("no common rendering for default " + value);
    }
}
