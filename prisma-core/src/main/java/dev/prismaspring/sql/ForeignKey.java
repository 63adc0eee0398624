package dev.prismaspring.sql;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key of a table.
 *
 * @param constraintName      the constraint name ({@code Post_authorId_fkey})
 * @param columns             the constrained columns of the owning table
 * @param referencedNamespace the referenced table's schema (PostgreSQL), or {@code null}
 * @param referencedTable     the referenced table
 * @param referencedColumns   the referenced columns, paired with {@code columns}
 * @param onDelete            the {@code ON DELETE} action
 * @param onUpdate            the {@code ON UPDATE} action
 */
public record ForeignKey(String constraintName, List<String> columns, String referencedNamespace,
        String referencedTable, List<String> referencedColumns, ReferentialAction onDelete,
        ReferentialAction onUpdate) {

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("foreign key " + constraintName
                    + " needs as many referenced columns as constrained columns, at least one");
        }
    }

    /** A foreign key to a table of the default namespace. */
    public static ForeignKey of(String constraintName, List<String> columns, String referencedTable,
            List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {
        return new ForeignKey(constraintName, columns, null, referencedTable, referencedColumns, onDelete, onUpdate);
    }
}
