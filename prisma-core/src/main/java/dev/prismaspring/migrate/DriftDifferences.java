package dev.prismaspring.migrate;

import dev.prismaspring.migrate.SchemaChange.AddColumn;
import dev.prismaspring.migrate.SchemaChange.AddForeignKey;
import dev.prismaspring.migrate.SchemaChange.AlterColumn;
import dev.prismaspring.migrate.SchemaChange.AlterEnum;
import dev.prismaspring.migrate.SchemaChange.AlterTable;
import dev.prismaspring.migrate.SchemaChange.ColumnChange;
import dev.prismaspring.migrate.SchemaChange.CreateEnum;
import dev.prismaspring.migrate.SchemaChange.CreateIndex;
import dev.prismaspring.migrate.SchemaChange.CreateTable;
import dev.prismaspring.migrate.SchemaChange.DropColumn;
import dev.prismaspring.migrate.SchemaChange.DropEnum;
import dev.prismaspring.migrate.SchemaChange.DropForeignKey;
import dev.prismaspring.migrate.SchemaChange.DropIndex;
import dev.prismaspring.migrate.SchemaChange.DropTable;
import dev.prismaspring.migrate.SchemaChange.RecreateColumn;
import dev.prismaspring.migrate.SchemaChange.RedefineIndex;
import dev.prismaspring.migrate.SchemaChange.RedefineTable;
import dev.prismaspring.migrate.SchemaChange.RedefineTables;
import dev.prismaspring.migrate.SchemaChange.RenameForeignKey;
import dev.prismaspring.migrate.SchemaChange.RenameIndex;
import dev.prismaspring.migrate.SchemaChange.TableChange;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.ColumnDefault;
import dev.prismaspring.sql.ForeignKey;
import dev.prismaspring.sql.Index;
import dev.prismaspring.sql.PrimaryKey;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names the differences behind the differ's steps from a "found" schema to a "wanted" one: {@code CreateTable} is
 * a missing table, {@code DropColumn} an extra column, {@code AlterColumn} a changed column, and so on, each with
 * one sentence that says what the two sides have.
 */
final class DriftDifferences {

    /** How the two sides are called in the sentences. */
    enum Sides {
        /** The live database against the schema. */
        DRIFT("the database", "in the schema but missing from the database",
                "in the database but not in the schema"),
        /** The last migration against the schema. */
        UNMIGRATED("the migrations", "in the schema but no migration creates it",
                "in the last migration but no longer in the schema");

        final String found;
        final String missing;
        final String extra;

        Sides(String found, String missing, String extra) {
            this.found = found;
            this.missing = missing;
            this.extra = extra;
        }
    }

    private final SqlSchema found;
    private final SqlSchema wanted;
    private final SqlDialect dialect;
    private final Sides sides;
    private final Map<String, DriftDifference> out = new LinkedHashMap<>();

    private DriftDifferences(SqlSchema found, SqlSchema wanted, SqlDialect dialect, Sides sides) {
        this.found = found;
        this.wanted = wanted;
        this.dialect = dialect;
        this.sides = sides;
    }

    /** The differences behind {@code steps} (from {@code found} to {@code wanted}), by table, then kind. */
    static List<DriftDifference> of(List<SchemaChange> steps, SqlSchema found, SqlSchema wanted, SqlDialect dialect,
            Sides sides) {
        DriftDifferences d = new DriftDifferences(found, wanted, dialect, sides);
        steps.forEach(d::step);
        return d.out.values().stream()
                .sorted(Comparator.comparing((DriftDifference x) -> Objects.toString(x.table(), ""))
                        .thenComparing(DriftDifference::kind)
                        .thenComparing(x -> Objects.toString(x.column(), Objects.toString(x.index(), ""))))
                .toList();
    }

    private void step(SchemaChange step) {
        if (step instanceof CreateTable c) {
            add(DriftKind.MISSING_TABLE, name(c.table()), null, null,
                    "The table " + q(name(c.table())) + " is " + sides.missing + ".");
        } else if (step instanceof DropTable d) {
            add(DriftKind.EXTRA_TABLE, name(d.table()), null, null,
                    "The table " + q(name(d.table())) + " is " + sides.extra + ".");
        } else if (step instanceof AlterTable a) {
            tableChanges(a.from(), a.to(), a.changes());
        } else if (step instanceof RedefineTables r) {
            r.tables().forEach(this::redefined);
        } else if (step instanceof CreateIndex c) {
            if (!c.newTable()) {
                missingIndex(c.table(), c.index());
            }
        } else if (step instanceof DropIndex d) {
            extraIndex(d.table(), d.index());
        } else if (step instanceof RenameIndex r) {
            renamedIndex(r.table(), r.from(), r.to());
        } else if (step instanceof RedefineIndex r) {
            renamedIndex(r.table(), r.from(), r.to());
        } else if (step instanceof AddForeignKey a) {
            // new tables bring their foreign keys; a foreign key dropped and added again as it was (MySQL, around
            // a dropped index) is not a difference of its own
            if (found.table(a.table().namespace(), a.table().name()).isPresent()
                    && !hasForeignKey(found, a.table(), a.foreignKey())) {
                missingForeignKey(a.table(), a.foreignKey());
            }
        } else if (step instanceof DropForeignKey d) {
            if (!hasForeignKey(wanted, d.table(), d.foreignKey())) {
                extraForeignKey(d.table(), d.foreignKey());
            }
        } else if (step instanceof RenameForeignKey r) {
            add(DriftKind.CHANGED_FOREIGN_KEY, name(r.table()), null, r.to().constraintName(),
                    "The foreign key " + q(r.to().constraintName()) + " on " + q(name(r.table())) + " is named "
                            + q(r.from().constraintName()) + " in " + sides.found + ".");
        } else if (step instanceof CreateEnum c) {
            add(DriftKind.MISSING_ENUM, null, null, c.sqlEnum().name(),
                    "The enum " + q(c.sqlEnum().name()) + " is " + sides.missing + ".");
        } else if (step instanceof DropEnum d) {
            add(DriftKind.EXTRA_ENUM, null, null, d.sqlEnum().name(),
                    "The enum " + q(d.sqlEnum().name()) + " is " + sides.extra + ".");
        } else if (step instanceof AlterEnum a) {
            add(DriftKind.CHANGED_ENUM, null, null, a.to().name(),
                    "The enum " + q(a.to().name()) + " has the values " + a.from().values() + " in " + sides.found
                            + " but " + a.to().values() + " in the schema.");
        }
        // CreateSchema: the tables of a missing namespace are reported one by one; DropSchema: only in rollbacks
    }

    private void redefined(RedefineTable r) {
        tableChanges(r.from(), r.to(), r.changes());
        // a redefined table (SQLite) carries its indexes and foreign keys along: compare them here
        for (Index i : r.to().indexes()) {
            if (!r.from().indexes().contains(i)) {
                missingIndex(r.to(), i);
            }
        }
        for (Index i : r.from().indexes()) {
            if (!r.to().indexes().contains(i)) {
                extraIndex(r.from(), i);
            }
        }
        for (ForeignKey fk : r.to().foreignKeys()) {
            if (!r.from().foreignKeys().contains(fk)) {
                missingForeignKey(r.to(), fk);
            }
        }
        for (ForeignKey fk : r.from().foreignKeys()) {
            if (!r.to().foreignKeys().contains(fk)) {
                extraForeignKey(r.from(), fk);
            }
        }
    }

    private void tableChanges(Table from, Table to, List<TableChange> changes) {
        String table = name(to);
        boolean primaryKeyChanged = false;
        for (TableChange change : changes) {
            if (change instanceof AddColumn a) {
                add(DriftKind.MISSING_COLUMN, table, a.column().name(), null,
                        "The column " + q(table + "." + a.column().name()) + " (" + describe(wanted, a.column())
                                + ") is " + sides.missing + ".");
            } else if (change instanceof DropColumn d) {
                add(DriftKind.EXTRA_COLUMN, table, d.column().name(), null,
                        "The column " + q(table + "." + d.column().name()) + " (" + describe(found, d.column())
                                + ") is " + sides.extra + ".");
            } else if (change instanceof AlterColumn a) {
                changedColumn(table, a.from(), a.to(), a.changes());
            } else if (change instanceof RecreateColumn r) {
                changedColumn(table, r.from(), r.to(), r.changes());
            } else {
                primaryKeyChanged = true; // DropPrimaryKey, AddPrimaryKey, RenamePrimaryKey
            }
        }
        if (primaryKeyChanged) {
            add(DriftKind.CHANGED_PRIMARY_KEY, table, null, pkName(to.primaryKey()),
                    "The primary key of " + q(table) + " is " + pk(from.primaryKey()) + " in " + sides.found
                            + " but " + pk(to.primaryKey()) + " in the schema.");
        }
    }

    private void changedColumn(String table, Column from, Column to, Set<ColumnChange> changes) {
        String what = changes.stream().sorted().map(c -> c == ColumnChange.TYPE ? "type"
                : c == ColumnChange.ARITY ? "nullability" : c == ColumnChange.DEFAULT ? "default" : "auto-increment")
                .collect(Collectors.joining(", "));
        add(DriftKind.CHANGED_COLUMN, table, to.name(), null,
                "The column " + q(table + "." + to.name()) + " is " + describe(found, from) + " in " + sides.found
                        + " but " + describe(wanted, to) + " in the schema" + (what.isEmpty() ? "" : " (" + what
                        + ")") + ".");
    }

    private void missingIndex(Table table, Index index) {
        add(DriftKind.MISSING_INDEX, name(table), null, index.name(), "The " + indexWord(index) + " "
                + q(index.name()) + " on " + q(name(table)) + index.columnNames() + " is " + sides.missing + ".");
    }

    private void extraIndex(Table table, Index index) {
        add(DriftKind.EXTRA_INDEX, name(table), null, index.name(), "The " + indexWord(index) + " "
                + q(index.name()) + " on " + q(name(table)) + index.columnNames() + " is " + sides.extra + ".");
    }

    private void renamedIndex(Table table, Index from, Index to) {
        add(DriftKind.CHANGED_INDEX, name(table), null, to.name(), "The " + indexWord(to) + " " + q(to.name())
                + " on " + q(name(table)) + to.columnNames() + " is named " + q(from.name()) + " in " + sides.found
                + ".");
    }

    private void missingForeignKey(Table table, ForeignKey fk) {
        add(DriftKind.MISSING_FOREIGN_KEY, name(table), null, fk.constraintName(), "The foreign key "
                + fkText(fk) + " on " + q(name(table)) + " is " + sides.missing + ".");
    }

    private void extraForeignKey(Table table, ForeignKey fk) {
        add(DriftKind.EXTRA_FOREIGN_KEY, name(table), null, fk.constraintName(), "The foreign key "
                + fkText(fk) + " on " + q(name(table)) + " is " + sides.extra + ".");
    }

    private void add(DriftKind kind, String table, String column, String index, String detail) {
        out.putIfAbsent(kind + "\u0000" + table + "\u0000" + column + "\u0000" + index,
                new DriftDifference(kind, table, column, index, detail));
    }

    private static boolean hasForeignKey(SqlSchema schema, Table table, ForeignKey fk) {
        return schema.table(table.namespace(), table.name()).map(t -> t.foreignKeys().contains(fk)).orElse(false);
    }

    private String describe(SqlSchema schema, Column c) {
        StringBuilder s = new StringBuilder(dialect.renderColumnType(schema, c));
        if (!c.arity().isList()) {
            s.append(c.arity().isRequired() ? " NOT NULL" : " NULL");
        }
        if (c.autoIncrement()) {
            s.append(" auto-increment");
        }
        if (c.defaultValue() != null && !(c.defaultValue() instanceof ColumnDefault.Sequence)) {
            s.append(" DEFAULT ").append(defaultText(c.defaultValue()));
        }
        return s.toString();
    }

    private static String defaultText(ColumnDefault d) {
        if (d instanceof ColumnDefault.StringValue v) {
            return "'" + v.value() + "'";
        } else if (d instanceof ColumnDefault.EnumValue v) {
            return "'" + v.value() + "'";
        } else if (d instanceof ColumnDefault.NumberValue v) {
            return v.literal();
        } else if (d instanceof ColumnDefault.BooleanValue v) {
            return String.valueOf(v.value());
        } else if (d instanceof ColumnDefault.DateTimeValue v) {
            return "'" + v.value() + "'";
        } else if (d instanceof ColumnDefault.JsonValue v) {
            return "'" + v.json() + "'";
        } else if (d instanceof ColumnDefault.BytesValue v) {
            return "x'" + v.hex() + "'";
        } else if (d instanceof ColumnDefault.ListValue v) {
            return v.values().stream().map(DriftDifferences::defaultText).collect(Collectors.joining(", ", "[", "]"));
        } else if (d instanceof ColumnDefault.Now) {
            return "now()";
        } else if (d instanceof ColumnDefault.DbGenerated g) {
            return g.hasExpression() ? g.expression() : "dbgenerated()";
        }
        return "autoincrement()";
    }

    private static String indexWord(Index i) {
        return i.isUnique() ? "unique index" : "index";
    }

    private static String fkText(ForeignKey fk) {
        String target = (fk.referencedNamespace() == null ? "" : fk.referencedNamespace() + ".")
                + fk.referencedTable() + fk.referencedColumns();
        return (fk.constraintName() == null ? "" : q(fk.constraintName()) + " ") + fk.columns() + " → " + target;
    }

    private static String pk(PrimaryKey pk) {
        return pk == null ? "absent" : "on " + pk.columnNames();
    }

    private static String pkName(PrimaryKey pk) {
        return pk == null ? null : pk.constraintName();
    }

    private static String name(Table t) {
        return t.namespace() == null ? t.name() : t.namespace() + "." + t.name();
    }

    private static String q(String name) {
        return "`" + name + "`";
    }
}
