package dev.prismaspring.sql;

import java.util.Objects;

/**
 * A column of an index or primary key.
 *
 * @param column        the column name
 * @param sortOrder     explicit sort order, or {@code null} (none rendered)
 * @param length        prefix length (MySQL), or {@code null}
 * @param operatorClass operator class as SQL (PostgreSQL, e.g. {@code jsonb_ops}, {@code gin_trgm_ops}), or {@code null}
 */
public record IndexColumn(String column, SortOrder sortOrder, Integer length, String operatorClass) {

    public IndexColumn {
        Objects.requireNonNull(column, "column");
    }

    /** A plain column reference. */
    public static IndexColumn of(String column) {
        return new IndexColumn(column, null, null, null);
    }

    /** A column with a sort order. */
    public static IndexColumn of(String column, SortOrder order) {
        return new IndexColumn(column, order, null, null);
    }
}
