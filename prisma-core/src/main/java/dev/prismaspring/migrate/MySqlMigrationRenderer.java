package dev.prismaspring.migrate;

import dev.prismaspring.migrate.SchemaChange.AddColumn;
import dev.prismaspring.migrate.SchemaChange.AddPrimaryKey;
import dev.prismaspring.migrate.SchemaChange.AlterColumn;
import dev.prismaspring.migrate.SchemaChange.ColumnChange;
import dev.prismaspring.migrate.SchemaChange.DropColumn;
import dev.prismaspring.migrate.SchemaChange.DropPrimaryKey;
import dev.prismaspring.migrate.SchemaChange.RecreateColumn;
import dev.prismaspring.migrate.SchemaChange.TableChange;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.mysql.MySqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** MySQL/MariaDB migration SQL, as Prisma's {@code mysql_renderer.rs}. */
final class MySqlMigrationRenderer implements MigrationRenderer {

    private final MySqlDialect d = MySqlDialect.INSTANCE;

    @Override
    public List<String> render(SchemaChange change, SqlSchema from, SqlSchema to) {
        if (change instanceof SchemaChange.DropForeignKey c) {
            return List.of("ALTER TABLE " + d.quote(c.table().name()) + " DROP FOREIGN KEY "
                    + d.quote(c.foreignKey().constraintName()));
        }
        if (change instanceof SchemaChange.DropIndex c) {
            return List.of(dropIndex(c.table().name(), c.index().name()));
        }
        if (change instanceof SchemaChange.AlterTable c) {
            return alterTable(c, to);
        }
        if (change instanceof SchemaChange.DropTable c) {
            return List.of("DROP TABLE " + d.quote(c.table().name()));
        }
        if (change instanceof SchemaChange.CreateTable c) {
            return List.of(d.createTable(to, c.table()));
        }
        if (change instanceof SchemaChange.CreateIndex c) {
            return List.of(d.createIndex(c.table(), c.index()));
        }
        if (change instanceof SchemaChange.AddForeignKey c) {
            return List.of(d.addForeignKey(c.table(), c.foreignKey()));
        }
        if (change instanceof SchemaChange.RenameIndex c) {
            return List.of("ALTER TABLE " + d.quote(c.table().name()) + " RENAME INDEX " + d.quote(c.from().name())
                    + " TO " + d.quote(c.to().name()));
        }
        if (change instanceof SchemaChange.RedefineIndex c) {
            // create first: a foreign key may rely on the old index
            return List.of(d.createIndex(c.table(), c.to()), dropIndex(c.table().name(), c.from().name()));
        }
        if (change instanceof SchemaChange.CreateSchema || change instanceof SchemaChange.DropSchema
                || change instanceof SchemaChange.CreateEnum
                || change instanceof SchemaChange.AlterEnum || change instanceof SchemaChange.DropEnum) {
            return List.of(); // enums are inline column types on MySQL
        }
        throw new IllegalArgumentException("no MySQL rendering for " + change.description());
    }

    private String dropIndex(String table, String index) {
        return "DROP INDEX " + d.quote(index) + " ON " + d.quote(table);
    }

    private List<String> alterTable(SchemaChange.AlterTable alter, SqlSchema to) {
        List<String> lines = new ArrayList<>();
        for (TableChange change : alter.changes()) {
            if (change instanceof DropPrimaryKey) {
                lines.add("DROP PRIMARY KEY");
            } else if (change instanceof AddPrimaryKey c) {
                lines.add("ADD PRIMARY KEY (" + d.primaryKeyColumns(c.primaryKey().columns()) + ")");
            } else if (change instanceof AddColumn c) {
                lines.add("ADD COLUMN " + d.columnDefinition(to, c.column()));
            } else if (change instanceof DropColumn c) {
                lines.add("DROP COLUMN " + d.quote(c.column().name()));
            } else if (change instanceof AlterColumn c) {
                lines.add(alterColumn(c, to));
            } else if (change instanceof RecreateColumn c) {
                lines.add("DROP COLUMN " + d.quote(c.from().name()));
                lines.add("ADD COLUMN " + d.columnDefinition(to, c.to()));
            }
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        return List.of("ALTER TABLE " + d.quote(alter.from().name()) + " " + String.join(",\n    ", lines));
    }

    /** {@code ALTER COLUMN .. DROP DEFAULT} when only the default went away, else {@code MODIFY} the whole column. */
    private String alterColumn(AlterColumn c, SqlSchema to) {
        Column next = c.to();
        if (c.changes().equals(Set.of(ColumnChange.DEFAULT)) && next.defaultValue() == null) {
            return "ALTER COLUMN " + d.quote(next.name()) + " DROP DEFAULT";
        }
        String dflt = d.defaultSql(next);
        return "MODIFY " + d.quote(next.name()) + " " + d.renderColumnType(to, next)
                + (next.arity().isRequired() ? " NOT NULL" : " NULL")
                + (dflt.isEmpty() ? "" : " DEFAULT " + dflt)
                + (next.autoIncrement() ? " AUTO_INCREMENT" : "");
    }
}
