package dev.prismaspring.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table: columns in physical order, an optional primary key, indexes (unique and plain) and foreign keys, each
 * in the order they are to be created.
 *
 * @param namespace   the schema (PostgreSQL), or {@code null} for an unqualified name
 * @param name        the table name
 * @param columns     the columns, in order
 * @param primaryKey  the primary key, or {@code null}
 * @param indexes     the indexes, including unique ones
 * @param foreignKeys the foreign keys
 */
public record Table(String namespace, String name, List<Column> columns, PrimaryKey primaryKey,
        List<Index> indexes, List<ForeignKey> foreignKeys) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        Set<String> names = new HashSet<>();
        for (Column c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("table " + name + " has two columns named " + c.name());
            }
        }
        if (primaryKey != null) {
            requireColumns(name, names, primaryKey.columnNames(), "primary key");
        }
        for (Index i : indexes) {
            requireColumns(name, names, i.columnNames(), "index " + i.name());
        }
        for (ForeignKey fk : foreignKeys) {
            requireColumns(name, names, fk.columns(), "foreign key " + fk.constraintName());
        }
    }

    private static void requireColumns(String table, Set<String> names, List<String> used, String what) {
        for (String c : used) {
            if (!names.contains(c)) {
                throw new IllegalArgumentException(what + " of table " + table + " names unknown column " + c);
            }
        }
    }

    /** Starts a table of the default namespace. */
    public static Builder builder(String name) {
        return new Builder(null, name);
    }

    /** Starts a table in a namespace. */
    public static Builder builder(String namespace, String name) {
        return new Builder(namespace, name);
    }

    /** The column with that name. */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The primary key, if any. */
    public Optional<PrimaryKey> findPrimaryKey() {
        return Optional.ofNullable(primaryKey);
    }

    /** Whether the primary key is exactly this single column. */
    public boolean isSinglePrimaryKey(String columnName) {
        return primaryKey != null && primaryKey.isSingleColumn(columnName);
    }

    /** Collects a table's parts in order. */
    public static final class Builder {
        private final String namespace;
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private PrimaryKey primaryKey;
        private final List<Index> indexes = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();

        private Builder(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        public Builder column(Column column) {
            columns.add(column);
            return this;
        }

        public Builder primaryKey(PrimaryKey key) {
            this.primaryKey = key;
            return this;
        }

        /** A primary key named {@code <table>_pkey} on plain columns. */
        public Builder primaryKey(String... keyColumns) {
            return primaryKey(PrimaryKey.of(name + "_pkey", keyColumns));
        }

        public Builder index(Index index) {
            indexes.add(index);
            return this;
        }

        public Builder foreignKey(ForeignKey foreignKey) {
            foreignKeys.add(foreignKey);
            return this;
        }

        public Table build() {
            return new Table(namespace, name, columns, primaryKey, indexes, foreignKeys);
        }
    }
}
