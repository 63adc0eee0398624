package dev.prismaspring.migrate;

import dev.prismaspring.migrate.SchemaChange.AddColumn;
import dev.prismaspring.migrate.SchemaChange.RedefineTable;
import dev.prismaspring.migrate.SchemaChange.TableChange;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.Index;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.Table;
import dev.prismaspring.sql.sqlite.SqliteDialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * SQLite migration SQL, as Prisma's {@code sqlite_renderer.rs}: {@code ALTER TABLE ... ADD COLUMN} where SQLite
 * can, otherwise the table is redefined (new table, copy, drop, rename) with foreign keys off.
 */
final class SqliteMigrationRenderer implements MigrationRenderer {

    private final SqliteDialect d = SqliteDialect.INSTANCE;

    @Override
    public List<String> render(SchemaChange change, SqlSchema from, SqlSchema to) {
        if (change instanceof SchemaChange.DropIndex c) {
            return List.of("DROP INDEX " + d.quote(c.index().name()));
        }
        if (change instanceof SchemaChange.AlterTable c) {
            List<String> out = new ArrayList<>();
            for (TableChange tc : c.changes()) {
                if (tc instanceof AddColumn a) {
                    out.add("ALTER TABLE " + d.quote(c.from().name()) + " ADD COLUMN "
                            + d.columnDefinition(to, c.to(), a.column()));
                } else {
                    throw new IllegalArgumentException("SQLite alters tables only by adding columns: " + tc);
                }
            }
            return out;
        }
        if (change instanceof SchemaChange.DropTable c) {
            return List.of("PRAGMA foreign_keys=off", "DROP TABLE " + d.quote(c.table().name()),
                    "PRAGMA foreign_keys=on");
        }
        if (change instanceof SchemaChange.CreateTable c) {
            return List.of(d.createTable(to, c.table()));
        }
        if (change instanceof SchemaChange.RedefineTables c) {
            return redefine(c.tables(), to);
        }
        if (change instanceof SchemaChange.CreateIndex c) {
            return List.of(d.createIndex(c.table(), c.index()));
        }
        if (change instanceof SchemaChange.RedefineIndex c) {
            return List.of("DROP INDEX " + d.quote(c.from().name()), d.createIndex(c.table(), c.to()));
        }
        if (change instanceof SchemaChange.CreateSchema || change instanceof SchemaChange.DropSchema
                || change instanceof SchemaChange.CreateEnum
                || change instanceof SchemaChange.AlterEnum || change instanceof SchemaChange.DropEnum) {
            return List.of(); // no schemas or enums on SQLite
        }
        throw new IllegalArgumentException("no SQLite rendering for " + change.description());
    }

    private List<String> redefine(List<RedefineTable> tables, SqlSchema to) {
        List<String> out = new ArrayList<>();
        out.add("PRAGMA defer_foreign_keys=ON");
        out.add("PRAGMA foreign_keys=OFF");
        for (RedefineTable r : tables) {
            Table prev = r.from();
            Table next = r.to();
            String temporary = "new_" + next.name();
            out.add(d.createTableAs(to, next, temporary));
            List<Column> copied = next.columns().stream().filter(c -> prev.column(c.name()).isPresent())
                    .sorted(Comparator.comparing(Column::name)).toList();
            if (!copied.isEmpty()) {
                String targets = copied.stream().map(c -> d.quote(c.name())).collect(Collectors.joining(", "));
                String sources = copied.stream().map(c -> source(prev.column(c.name()), c))
                        .collect(Collectors.joining(", "));
                out.add("INSERT INTO " + d.quote(temporary) + " (" + targets + ") SELECT " + sources + " FROM "
                        + d.quote(prev.name()));
            }
            out.add("DROP TABLE " + d.quote(prev.name()));
            out.add("ALTER TABLE " + d.quote(temporary) + " RENAME TO " + d.quote(next.name()));
            for (Index i : next.indexes()) {
                out.add(d.createIndex(next, i));
            }
        }
        out.add("PRAGMA foreign_keys=ON");
        out.add("PRAGMA defer_foreign_keys=OFF");
        return out;
    }

    /** The copied value; a column that became required with a default takes the default where it was NULL. */
    private String source(Optional<Column> before, Column next) {
        Column prev = before.orElseThrow();
        String name = d.quote(prev.name());
        if (!prev.arity().isRequired() && next.arity().isRequired() && next.defaultValue() != null) {
            String dflt = d.defaultSql(next.defaultValue());
            if (!dflt.isEmpty()) {
                return "coalesce(" + name + ", " + dflt + ") AS " + name;
            }
        }
        return name;
    }
}
