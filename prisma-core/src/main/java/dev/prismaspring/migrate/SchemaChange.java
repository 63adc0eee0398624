package dev.prismaspring.migrate;

import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.ForeignKey;
import dev.prismaspring.sql.Index;
import dev.prismaspring.sql.PrimaryKey;
import dev.prismaspring.sql.SqlEnum;
import dev.prismaspring.sql.Table;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One step of a migration between two {@link dev.prismaspring.sql.SqlSchema}s, as Prisma's schema engine names its
 * steps ({@code CreateTable}, {@code AlterTable}, {@code DropIndex}, ...). A {@link SchemaDiffer} returns them in
 * execution order; a {@link MigrationRenderer} turns each into SQL for one dialect.
 *
 * <p>Tables, columns, indexes and foreign keys are carried as values of the schema they come from: "from" values
 * for drops, "to" values for creations, both for alterations.
 */
public sealed interface SchemaChange {

    /** The comment line Prisma writes above the step's SQL ({@code CreateTable}, {@code AlterEnum}, ...). */
    String description();

    /** The table this change concerns, or {@code null} for enum and namespace changes. */
    default String tableName() {
        return null;
    }

    /** {@code CREATE SCHEMA IF NOT EXISTS} (PostgreSQL namespaces). */
    record CreateSchema(String namespace) implements SchemaChange {
        public String description() {
            return "CreateSchema";
        }
    }

    /**
     * {@code DROP SCHEMA IF EXISTS} (PostgreSQL): only in rollbacks, for a namespace the migration created. Like
     * Prisma, a forward migration never drops a schema.
     */
    record DropSchema(String namespace) implements SchemaChange {
        public String description() {
            return "DropSchema";
        }
    }

    /** A new enum type (PostgreSQL). */
    record CreateEnum(SqlEnum sqlEnum) implements SchemaChange {
        public String description() {
            return "CreateEnum";
        }
    }

    /**
     * Values added to and removed from an enum (PostgreSQL). Added values only: {@code ALTER TYPE ... ADD VALUE};
     * removed values: the type is recreated under a temporary name and the columns cast to it.
     *
     * @param from    the enum before
     * @param to      the enum after
     * @param added   the values only in {@code to}, in its order
     * @param removed the values only in {@code from}, in its order
     */
    record AlterEnum(SqlEnum from, SqlEnum to, List<String> added, List<String> removed) implements SchemaChange {
        public AlterEnum {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        public String description() {
            return "AlterEnum";
        }
    }

    /** {@code DROP FOREIGN KEY} / {@code DROP CONSTRAINT}. */
    record DropForeignKey(Table table, ForeignKey foreignKey) implements SchemaChange {
        public String description() {
            return "DropForeignKey";
        }

        public String tableName() {
            return table.name();
        }
    }

    /** {@code DROP INDEX}. */
    record DropIndex(Table table, Index index) implements SchemaChange {
        public String description() {
            return "DropIndex";
        }

        public String tableName() {
            return table.name();
        }
    }

    /**
     * Column and primary-key changes of one table, rendered as one {@code ALTER TABLE} where the dialect can.
     *
     * @param from    the table before
     * @param to      the table after
     * @param changes the changes, in Prisma's order: drop/rename primary key, drop columns, add columns, alter
     *                columns, add primary key
     */
    record AlterTable(Table from, Table to, List<TableChange> changes) implements SchemaChange {
        public AlterTable {
            changes = List.copyOf(changes);
        }

        public String description() {
            return "AlterTable";
        }

        public String tableName() {
            return from.name();
        }
    }

    /** {@code DROP TABLE}. */
    record DropTable(Table table) implements SchemaChange {
        public String description() {
            return "DropTable";
        }

        public String tableName() {
            return table.name();
        }
    }

    /** An enum type dropped (PostgreSQL), after the tables that use it. */
    record DropEnum(SqlEnum sqlEnum) implements SchemaChange {
        public String description() {
            return "DropEnum";
        }
    }

    /** {@code CREATE TABLE}. */
    record CreateTable(Table table) implements SchemaChange {
        public String description() {
            return "CreateTable";
        }

        public String tableName() {
            return table.name();
        }
    }

    /**
     * SQLite: tables rebuilt because SQLite cannot alter them in place (new table, copy, drop, rename, recreate
     * indexes), all under {@code PRAGMA foreign_keys=OFF}.
     */
    record RedefineTables(List<RedefineTable> tables) implements SchemaChange {
        public RedefineTables {
            tables = List.copyOf(tables);
        }

        public String description() {
            return "RedefineTables";
        }
    }

    /**
     * One table of a {@link RedefineTables}.
     *
     * @param from    the table before
     * @param to      the table after
     * @param changes the column changes, as for an {@link AlterTable}, to judge data loss
     */
    record RedefineTable(Table from, Table to, List<TableChange> changes) {
        public RedefineTable {
            changes = List.copyOf(changes);
        }
    }

    /** {@code CREATE [UNIQUE] INDEX} on a table that existed before (or a new one, where indexes are separate). */
    record CreateIndex(Table table, Index index, boolean newTable) implements SchemaChange {
        public String description() {
            return "CreateIndex";
        }

        public String tableName() {
            return table.name();
        }
    }

    /** PostgreSQL: {@code ALTER TABLE ... RENAME CONSTRAINT} for a foreign key that only changed its name. */
    record RenameForeignKey(Table table, ForeignKey from, ForeignKey to) implements SchemaChange {
        public String description() {
            return "RenameForeignKey";
        }

        public String tableName() {
            return table.name();
        }
    }

    /** {@code ADD CONSTRAINT ... FOREIGN KEY}. */
    record AddForeignKey(Table table, ForeignKey foreignKey) implements SchemaChange {
        public String description() {
            return "AddForeignKey";
        }

        public String tableName() {
            return table.name();
        }
    }

    /** An index that only changed its name, renamed in place ({@code ALTER INDEX ... RENAME TO}). */
    record RenameIndex(Table table, Index from, Index to) implements SchemaChange {
        public String description() {
            return "RenameIndex";
        }

        public String tableName() {
            return table.name();
        }
    }

    /** An index that only changed its name, dropped and created again where the dialect cannot rename (SQLite). */
    record RedefineIndex(Table table, Index from, Index to) implements SchemaChange {
        public String description() {
            return "RedefineIndex";
        }

        public String tableName() {
            return table.name();
        }
    }

    /** A change inside an {@link AlterTable} or {@link RedefineTable}. */
    sealed interface TableChange {
    }

    /** A new column. */
    record AddColumn(Column column) implements TableChange {
    }

    /** A dropped column. */
    record DropColumn(Column column) implements TableChange {
    }

    /**
     * A column altered in place.
     *
     * @param from       the column before
     * @param to         the column after
     * @param changes    what differs
     * @param typeChange how the type changes, or {@code null} when it does not
     */
    record AlterColumn(Column from, Column to, Set<ColumnChange> changes, TypeChange typeChange)
            implements TableChange {
        public AlterColumn {
            changes = Set.copyOf(changes);
        }
    }

    /** A column whose type cannot be cast: dropped and added again (its data is lost). */
    record RecreateColumn(Column from, Column to, Set<ColumnChange> changes) implements TableChange {
        public RecreateColumn {
            changes = Set.copyOf(changes);
        }
    }

    /** The primary key dropped (before column changes). */
    record DropPrimaryKey(PrimaryKey primaryKey) implements TableChange {
    }

    /** PostgreSQL: the primary key constraint renamed. */
    record RenamePrimaryKey(PrimaryKey from, PrimaryKey to) implements TableChange {
    }

    /** The primary key added (after column changes). */
    record AddPrimaryKey(PrimaryKey primaryKey) implements TableChange {
        public AddPrimaryKey {
            Objects.requireNonNull(primaryKey, "primaryKey");
        }
    }

    /** What differs between two versions of a column. */
    enum ColumnChange {
        ARITY,
        DEFAULT,
        TYPE,
        AUTOINCREMENT
    }

    /** How a column type change casts existing values, as Prisma classifies it. */
    enum TypeChange {
        /** Every value converts. */
        SAFE_CAST,
        /** The cast may fail or lose precision for some values. */
        RISKY_CAST,
        /** No cast exists: the column is dropped and recreated. */
        NOT_CASTABLE
    }
}
