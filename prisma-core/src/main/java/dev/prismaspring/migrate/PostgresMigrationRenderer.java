package dev.prismaspring.migrate;

import dev.prismaspring.migrate.SchemaChange.AddColumn;
import dev.prismaspring.migrate.SchemaChange.AddPrimaryKey;
import dev.prismaspring.migrate.SchemaChange.AlterColumn;
import dev.prismaspring.migrate.SchemaChange.ColumnChange;
import dev.prismaspring.migrate.SchemaChange.DropColumn;
import dev.prismaspring.migrate.SchemaChange.DropPrimaryKey;
import dev.prismaspring.migrate.SchemaChange.RecreateColumn;
import dev.prismaspring.migrate.SchemaChange.RenamePrimaryKey;
import dev.prismaspring.migrate.SchemaChange.TableChange;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.ColumnDefault;
import dev.prismaspring.sql.ColumnType;
import dev.prismaspring.sql.SqlEnum;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.Table;
import dev.prismaspring.sql.postgres.PostgresDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** PostgreSQL migration SQL, as Prisma's {@code postgres_renderer.rs}. */
final class PostgresMigrationRenderer implements MigrationRenderer {

    private static final String INDENT = "    ";
    private static final String MANY_VALUES_WARNING = """
            -- This migration adds more than one value to an enum.
            -- With PostgreSQL versions 11 and earlier, this is not possible
            -- in a single migration. This can be worked around by creating
            -- multiple migrations, each migration adding only one value to
            -- the enum.
            """;

    private final PostgresDialect d = PostgresDialect.INSTANCE;

    @Override
    public List<String> render(SchemaChange change, SqlSchema from, SqlSchema to) {
        if (change instanceof SchemaChange.CreateSchema c) {
            return List.of("CREATE SCHEMA IF NOT EXISTS " + d.quote(c.namespace()));
        }
        if (change instanceof SchemaChange.DropSchema c) {
            return List.of("DROP SCHEMA IF EXISTS " + d.quote(c.namespace()));
        }
        if (change instanceof SchemaChange.CreateEnum c) {
            return List.of(d.createEnum(c.sqlEnum()));
        }
        if (change instanceof SchemaChange.AlterEnum c) {
            return alterEnum(c, from, to);
        }
        if (change instanceof SchemaChange.DropForeignKey c) {
            return List.of("ALTER TABLE " + name(c.table()) + " DROP CONSTRAINT "
                    + d.quote(c.foreignKey().constraintName()));
        }
        if (change instanceof SchemaChange.DropIndex c) {
            return List.of("DROP INDEX " + d.quote(c.table().namespace(), c.index().name()));
        }
        if (change instanceof SchemaChange.AlterTable c) {
            return alterTable(c, from, to);
        }
        if (change instanceof SchemaChange.DropTable c) {
            return List.of("DROP TABLE " + name(c.table()));
        }
        if (change instanceof SchemaChange.DropEnum c) {
            return List.of("DROP TYPE " + d.quote(c.sqlEnum().namespace(), c.sqlEnum().name()));
        }
        if (change instanceof SchemaChange.CreateTable c) {
            return List.of(d.createTable(to, c.table()));
        }
        if (change instanceof SchemaChange.RedefineTables) {
            throw new IllegalArgumentException("no table redefinition on PostgreSQL");
        }
        if (change instanceof SchemaChange.CreateIndex c) {
            return List.of(d.createIndex(c.table(), c.index()));
        }
        if (change instanceof SchemaChange.RenameForeignKey c) {
            return List.of("ALTER TABLE " + name(c.table()) + " RENAME CONSTRAINT "
                    + d.quote(c.from().constraintName()) + " TO " + d.quote(c.to().constraintName()));
        }
        if (change instanceof SchemaChange.AddForeignKey c) {
            return List.of(d.addForeignKey(c.table(), c.foreignKey()));
        }
        if (change instanceof SchemaChange.RenameIndex c) {
            return List.of("ALTER INDEX " + d.quote(c.table().namespace(), c.from().name())
                    + " RENAME TO " + d.quote(c.to().name()));
        }
        if (change instanceof SchemaChange.RedefineIndex c) {
            return List.of("DROP INDEX " + d.quote(c.table().namespace(), c.from().name()),
                    d.createIndex(c.table(), c.to()));
        }
        throw new IllegalArgumentException("unknown change " + change);
    }

    private String name(Table t) {
        return d.quote(t.namespace(), t.name());
    }

    private List<String> alterTable(SchemaChange.AlterTable alter, SqlSchema from, SqlSchema to) {
        List<String> before = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<String> after = new ArrayList<>();
        Table prev = alter.from();
        for (TableChange change : alter.changes()) {
            if (change instanceof DropPrimaryKey c) {
                lines.add("DROP CONSTRAINT " + d.quote(c.primaryKey().constraintName()));
            } else if (change instanceof RenamePrimaryKey c) {
                after.add("ALTER TABLE " + name(prev) + " RENAME CONSTRAINT "
                        + d.quote(c.from().constraintName()) + " TO " + d.quote(c.to().constraintName()));
            } else if (change instanceof AddPrimaryKey c) {
                lines.add("ADD " + (c.primaryKey().constraintName() != null
                        ? "CONSTRAINT " + d.quote(c.primaryKey().constraintName()) + " " : "") + "PRIMARY KEY ("
                        + c.primaryKey().columnNames().stream().map(d::quote).collect(Collectors.joining(", ")) + ")");
            } else if (change instanceof AddColumn c) {
                lines.add("ADD COLUMN " + INDENT + d.columnDefinition(to, c.column()));
            } else if (change instanceof DropColumn c) {
                lines.add("DROP COLUMN " + d.quote(c.column().name()));
            } else if (change instanceof AlterColumn c) {
                alterColumn(prev, c, from, to, before, lines, after);
            } else if (change instanceof RecreateColumn c) {
                    lines.add("DROP COLUMN " + d.quote(c.from().name()));
                    lines.add("ADD COLUMN " + INDENT + d.columnDefinition(to, c.to()));
                
            }
        }
        List<String> out = new ArrayList<>(before);
        if (!lines.isEmpty()) {
            out.add("ALTER TABLE " + name(prev) + " " + String.join(",\n", lines));
        }
        out.addAll(after);
        return lines.isEmpty() && after.isEmpty() ? List.of() : out;
    }

    /** Prisma's {@code expand_alter_column}: changes in flag order (arity, default, type, autoincrement). */
    private void alterColumn(Table table, AlterColumn c, SqlSchema from, SqlSchema to, List<String> before,
            List<String> lines, List<String> after) {
        String prefix = "ALTER COLUMN " + d.quote(c.from().name());
        boolean setType = false;
        Column prev = c.from();
        Column next = c.to();
        if (c.changes().contains(ColumnChange.ARITY)) {
            if (prev.arity().isList() || next.arity().isList()) {
                setType = true;
            }
            if (!next.arity().isList() && prev.arity().isRequired() != next.arity().isRequired()) {
                lines.add(prefix + (next.arity().isRequired() ? " SET NOT NULL" : " DROP NOT NULL"));
            }
        }
        if (c.changes().contains(ColumnChange.DEFAULT)) {
            String dflt = next.defaultValue() == null ? "" : d.defaultSql(to, plain(next));
            if (dflt.isEmpty()) {
                lines.add(prefix + " DROP DEFAULT");
            } else {
                lines.add(prefix + " SET DEFAULT " + dflt);
            }
        }
        if (c.changes().contains(ColumnChange.TYPE)) {
            setType = true;
        }
        if (c.changes().contains(ColumnChange.AUTOINCREMENT)) {
            if (prev.autoIncrement()) {
                lines.add(prefix + " DROP DEFAULT");
                String seq = prev.defaultValue() instanceof ColumnDefault.Sequence s && s.sequenceName() != null
                        && !s.sequenceName().isEmpty() ? s.sequenceName() : table.name() + "_" + prev.name() + "_seq";
                after.add("DROP SEQUENCE " + d.quote(seq));
            } else {
                // the sequence a SERIAL column would own: same name, case and integer type (Prisma lower-cases the
                // name and creates a BIGINT sequence, which leaves the table unlike a freshly created one)
                String seq = d.quote(table.namespace(), table.name() + "_" + next.name() + "_seq");
                String type = d.renderColumnType(to, plain(next));
                before.add("CREATE SEQUENCE " + seq + (type.equals("SMALLINT") || type.equals("INTEGER")
                        || type.equals("BIGINT") ? " AS " + type : ""));
                lines.add(prefix + " SET DEFAULT nextval(" + d.quoteString(seq) + "::regclass)");
                after.add("ALTER SEQUENCE " + seq + " OWNED BY " + name(table) + "." + d.quote(next.name()));
            }
        }
        if (setType) {
            lines.add(prefix + " SET DATA TYPE " + d.renderColumnType(to, next));
        }
    }

    /** The column without auto-increment, so its type renders as the plain type (not {@code SERIAL}). */
    private static Column plain(Column c) {
        return new Column(c.name(), c.type(), c.arity(), c.defaultValue(), false);
    }

    private List<String> alterEnum(SchemaChange.AlterEnum alter, SqlSchema from, SqlSchema to) {
        SqlEnum prev = alter.from();
        SqlEnum next = alter.to();
        String enumName = d.quote(prev.namespace(), prev.name());
        if (alter.removed().isEmpty()) {
            List<String> out = new ArrayList<>();
            // ADD VALUE appends; a value that goes before existing ones gets BEFORE, so the type keeps the
            // schema's order (Prisma always appends, which only differs when a value is inserted)
            List<String> current = new ArrayList<>(prev.values());
            for (String v : alter.added()) {
                List<String> rest = next.values().subList(next.values().indexOf(v) + 1, next.values().size());
                String before = rest.stream().filter(current::contains).findFirst().orElse(null);
                out.add("ALTER TYPE " + enumName + " ADD VALUE " + d.quoteString(v)
                        + (before == null ? "" : " BEFORE " + d.quoteString(before)));
                current.add(v);
            }
            if (out.size() > 1) {
                out.set(0, MANY_VALUES_WARNING + "\n\n" + out.get(0));
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        String tmp = d.quote(next.namespace(), next.name() + "_new");
        out.add("BEGIN");
        out.add("CREATE TYPE " + tmp + " AS ENUM ("
                + next.values().stream().map(d::quoteString).collect(Collectors.joining(", ")) + ")");
        List<Column[]> reinstall = new ArrayList<>();
        List<Table> reinstallTables = new ArrayList<>();
        for (Table t : from.tables()) {
            for (Column c : t.columns()) {
                if (usesEnum(c, prev) && c.defaultValue() != null) {
                    out.add("ALTER TABLE " + name(t) + " ALTER COLUMN " + d.quote(c.name()) + " DROP DEFAULT");
                    Column nextColumn = to.table(t.namespace(), t.name()).flatMap(n -> n.column(c.name()))
                            .filter(n -> usesEnum(n, next) && n.defaultValue() != null).orElse(null);
                    if (nextColumn != null) {
                        reinstall.add(new Column[] {c, nextColumn});
                        reinstallTables.add(t);
                    }
                }
            }
        }
        for (Table t : from.tables()) {
            for (Column c : t.columns()) {
                if (usesEnum(c, prev)) {
                    String array = c.arity().isList() ? "[]" : "";
                    out.add("ALTER TABLE " + name(t) + " ALTER COLUMN " + d.quote(c.name()) + " TYPE " + tmp + array
                            + " USING (" + d.quote(c.name()) + "::text::" + tmp + array + ")");
                }
            }
        }
        out.add("ALTER TYPE " + enumName + " RENAME TO " + d.quote(prev.name() + "_old"));
        out.add("ALTER TYPE " + tmp + " RENAME TO " + d.quote(next.name()));
        out.add("DROP TYPE " + d.quote(prev.namespace(), prev.name() + "_old"));
        for (int i = 0; i < reinstall.size(); i++) {
            Column n = reinstall.get(i)[1];
            out.add("ALTER TABLE " + name(reinstallTables.get(i)) + " ALTER COLUMN " + d.quote(n.name())
                    + " SET DEFAULT " + d.defaultSql(to, n));
        }
        out.add("COMMIT");
        return out;
    }

    private static boolean usesEnum(Column c, SqlEnum e) {
        return c.type() instanceof ColumnType.EnumRef r && r.enumName().equals(e.name())
                && (r.namespace() == null || Objects.equals(r.namespace(), e.namespace()));
    }
}
