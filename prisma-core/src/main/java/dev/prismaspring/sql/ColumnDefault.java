package dev.prismaspring.sql;

import java.util.List;
import java.util.Objects;

/**
 * The default value of a column. Closed: literal values, {@code now()}, a database expression
 * ({@code dbgenerated}), or a sequence (auto-increment, rendered through the column type or keyword, never as a
 * {@code DEFAULT}).
 */
public sealed interface ColumnDefault {

    /** A string literal; rendered quoted, {@code '} doubled. */
    record StringValue(String value) implements ColumnDefault {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }
    }

    /** An enum value (its database name); rendered as a string literal. */
    record EnumValue(String value) implements ColumnDefault {
        public EnumValue {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A number, kept as the literal text to render ({@code 0}, {@code -1}, {@code 2.00}, {@code 1.5}).
     *
     * @param literal the number as SQL text
     */
    record NumberValue(String literal) implements ColumnDefault {
        public NumberValue {
            Objects.requireNonNull(literal, "literal");
        }

        /** An integer default. */
        public static NumberValue of(long value) {
            return new NumberValue(Long.toString(value));
        }
    }

    /** A boolean; rendered {@code true}/{@code false}. */
    record BooleanValue(boolean value) implements ColumnDefault {
    }

    /** A date-time literal, already in the text form to store (rendered quoted). */
    record DateTimeValue(String value) implements ColumnDefault {
        public DateTimeValue {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A JSON document as text (rendered quoted; MySQL renders no JSON defaults, as Prisma). */
    record JsonValue(String json) implements ColumnDefault {
        public JsonValue {
            Objects.requireNonNull(json, "json");
        }
    }

    /**
     * Bytes, as lower-case hex digits (PostgreSQL {@code '\x..'}, SQLite {@code '..'}; MySQL renders none).
     *
     * @param hex the bytes in hexadecimal
     */
    record BytesValue(String hex) implements ColumnDefault {
        public BytesValue {
            Objects.requireNonNull(hex, "hex");
        }
    }

    /** A list of values for a scalar list column (PostgreSQL {@code ARRAY[...]::TYPE[]}). */
    record ListValue(List<ColumnDefault> values) implements ColumnDefault {
        public ListValue {
            values = List.copyOf(values);
        }
    }

    /** {@code @default(now())}: {@code CURRENT_TIMESTAMP} (MySQL: with the column's precision). */
    record Now() implements ColumnDefault {
    }

    /**
     * {@code @default(dbgenerated("expr"))}: the expression as written; {@code null} or empty for a bare
     * {@code dbgenerated()}, which renders no {@code DEFAULT}.
     */
    record DbGenerated(String expression) implements ColumnDefault {
        /** Whether there is an expression to render. */
        public boolean hasExpression() {
            return expression != null && !expression.isEmpty();
        }
    }

    /** The value comes from a sequence (PostgreSQL {@code SERIAL}); never rendered as a {@code DEFAULT}. */
    record Sequence(String sequenceName) implements ColumnDefault {
    }
}
