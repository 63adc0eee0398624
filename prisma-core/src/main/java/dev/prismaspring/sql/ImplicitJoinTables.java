package dev.prismaspring.sql;

import java.util.List;

/**
 * The join table Prisma creates for an implicit many-to-many relation: {@code _<relation>} (by default
 * {@code _AToB}, model names in alphabetical order) with columns {@code A} and {@code B} referencing the ids of
 * the first and second model, both with {@code ON DELETE CASCADE ON UPDATE CASCADE}, an index
 * {@code _<relation>_B_index} on {@code B}, and uniqueness of {@code (A, B)}: a primary key
 * {@code _<relation>_AB_pkey} on PostgreSQL, a unique index {@code _<relation>_AB_unique} elsewhere.
 */
public final class ImplicitJoinTables {

    private ImplicitJoinTables() {
    }

    /**
     * One side of the relation: the referenced table and its id column.
     *
     * @param namespace the table's schema, or {@code null}
     * @param table     the table name
     * @param idColumn  the referenced (single) id column
     * @param idType    that column's type, repeated in the join table column (without auto-increment)
     */
    public record Side(String namespace, String table, String idColumn, ColumnType idType) {
    }

    /**
     * The join table.
     *
     * @param namespace        where the join table lives (the first model's schema), or {@code null}
     * @param tableName        the table name, {@code _} + relation name
     * @param a                the model whose id column {@code A} references (first in alphabetical order)
     * @param b                the other model
     * @param uniqueAsPrimaryKey {@code true} (PostgreSQL) for a primary key on (A, B), else a unique index
     */
    public static Table create(String namespace, String tableName, Side a, Side b, boolean uniqueAsPrimaryKey) {
        Table.Builder builder = Table.builder(namespace, tableName)
                .column(Column.required("A", a.idType()))
                .column(Column.required("B", b.idType()));
        if (uniqueAsPrimaryKey) {
            builder.primaryKey(PrimaryKey.of(tableName + "_AB_pkey", "A", "B"));
        } else {
            builder.index(Index.unique(tableName + "_AB_unique", "A", "B"));
        }
        return builder
                .index(Index.normal(tableName + "_B_index", "B"))
                .foreignKey(new ForeignKey(tableName + "_A_fkey", List.of("A"), a.namespace(), a.table(),
                        List.of(a.idColumn()), ReferentialAction.CASCADE, ReferentialAction.CASCADE))
                .foreignKey(new ForeignKey(tableName + "_B_fkey", List.of("B"), b.namespace(), b.table(),
                        List.of(b.idColumn()), ReferentialAction.CASCADE, ReferentialAction.CASCADE))
                .build();
    }
}
