package dev.prismaspring.sql;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A primary key.
 *
 * @param constraintName the constraint name ({@code T_pkey}); MySQL and SQLite do not render it
 * @param columns        the key columns, in key order
 */
public record PrimaryKey(String constraintName, List<IndexColumn> columns) {

    public PrimaryKey {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a primary key needs at least one column");
        }
    }

    /** A primary key on plain columns. */
    public static PrimaryKey of(String constraintName, String... columns) {
        return new PrimaryKey(constraintName, Arrays.stream(columns).map(IndexColumn::of).toList());
    }

    /** The names of the key columns. */
    public List<String> columnNames() {
        return columns.stream().map(IndexColumn::column).toList();
    }

    /** Whether the key is exactly the one column {@code name}. */
    public boolean isSingleColumn(String name) {
        return columns.size() == 1 && Objects.equals(columns.get(0).column(), name);
    }
}
