package dev.prismaspring.sql;

import java.util.Objects;

/**
 * A table column.
 *
 * @param name          the column name
 * @param type          its type
 * @param arity         required, nullable or list
 * @param defaultValue  its default, or {@code null}
 * @param autoIncrement whether values come from an auto-increment ({@code SERIAL}, {@code AUTO_INCREMENT})
 */
public record Column(String name, ColumnType type, ColumnArity arity, ColumnDefault defaultValue,
        boolean autoIncrement) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(arity, "arity");
    }

    /** A required column without default. */
    public static Column required(String name, ColumnType type) {
        return new Column(name, type, ColumnArity.REQUIRED, null, false);
    }

    /** A nullable column without default. */
    public static Column nullable(String name, ColumnType type) {
        return new Column(name, type, ColumnArity.NULLABLE, null, false);
    }

    /** A list (array) column. */
    public static Column list(String name, ColumnType type) {
        return new Column(name, type, ColumnArity.LIST, null, false);
    }

    /** This column with the given default. */
    public Column withDefault(ColumnDefault value) {
        return new Column(name, type, arity, value, autoIncrement);
    }

    /** This column, auto-incremented. */
    public Column withAutoIncrement() {
        return new Column(name, type, arity, defaultValue, true);
    }
}
