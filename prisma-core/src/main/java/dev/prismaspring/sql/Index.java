package dev.prismaspring.sql;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An index or unique constraint of a table (Prisma renders {@code @unique} as a unique index).
 *
 * @param name      the index name
 * @param kind      normal, unique or full-text
 * @param columns   the indexed columns, in order
 * @param method    the access method, or {@code null} for the default (B-tree); only PostgreSQL renders it
 * @param predicate the {@code WHERE} of a partial index as SQL, or {@code null}
 */
public record Index(String name, IndexKind kind, List<IndexColumn> columns, IndexMethod method, String predicate) {

    public Index {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " needs at least one column");
        }
    }

    /** A plain index on the given columns. */
    public static Index normal(String name, String... columns) {
        return new Index(name, IndexKind.NORMAL, Arrays.stream(columns).map(IndexColumn::of).toList(), null, null);
    }

    /** A unique index on the given columns. */
    public static Index unique(String name, String... columns) {
        return new Index(name, IndexKind.UNIQUE, Arrays.stream(columns).map(IndexColumn::of).toList(), null, null);
    }

    /** Whether the index is unique. */
    public boolean isUnique() {
        return kind == IndexKind.UNIQUE;
    }

    /** The names of the indexed columns. */
    public List<String> columnNames() {
        return columns.stream().map(IndexColumn::column).toList();
    }

    /** This index with an access method. */
    public Index using(IndexMethod newMethod) {
        return new Index(name, kind, columns, newMethod, predicate);
    }

    /** This index, partial. */
    public Index where(String newPredicate) {
        return new Index(name, kind, columns, method, newPredicate);
    }
}
