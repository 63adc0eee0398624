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
import dev.prismaspring.sql.ColumnArity;
import dev.prismaspring.sql.Index;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The human-readable summary of a migration that {@code migrate diff} prints without {@code --script}, after
 * Prisma's {@code SqlMigration::drift_summary} ({@code [+] Added tables}, {@code [*] Changed the `T` table}, ...).
 */
public final class MigrationSummary {

    private enum Section {
        ADDED_ENUM, ADDED_TABLE, REMOVED_ENUM, REMOVED_TABLE, REDEFINED_TABLE, CHANGED_ENUM, CHANGED_TABLE
    }

    private record Item(Section section, String name, int index, List<String> lines) {
    }

    private MigrationSummary() {
    }

    /** The summary of {@code changes}; {@code No difference detected.} when there are none. */
    public static String render(List<SchemaChange> changes) {
        if (changes.isEmpty()) {
            return "No difference detected.";
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            collect(changes.get(i), i, items);
        }
        items.sort(Comparator.comparing(Item::section).thenComparing(Item::name).thenComparingInt(Item::index));
        StringBuilder out = new StringBuilder();
        Section section = null;
        String name = null;
        for (Item item : items) {
            if (item.section() != section || !item.name().equals(name)) {
                out.append(header(item));
            }
            section = item.section();
            name = item.name();
            item.lines().forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }

    private static String header(Item item) {
        return switch (item.section()) {
            case ADDED_ENUM -> "\n[+] Added enums\n";
            case ADDED_TABLE -> "\n[+] Added tables\n";
            case REMOVED_ENUM -> "\n[-] Removed enums\n";
            case REMOVED_TABLE -> "\n[-] Removed tables\n";
            case REDEFINED_TABLE -> "\n[*] Redefined table `" + item.name() + "`\n";
            case CHANGED_ENUM -> "\n[*] Changed the `" + item.name() + "` enum\n";
            case CHANGED_TABLE -> "\n[*] Changed the `" + item.name() + "` table\n";
        };
    }

    private static void collect(SchemaChange c, int i, List<Item> items) {
        if (c instanceof SchemaChange.CreateEnum e) {
            items.add(new Item(Section.ADDED_ENUM, "", i, List.of("  - " + e.sqlEnum().name())));
        } else if (c instanceof SchemaChange.DropEnum e) {
            items.add(new Item(Section.REMOVED_ENUM, "", i, List.of("  - " + e.sqlEnum().name())));
        } else if (c instanceof SchemaChange.CreateTable t) {
            items.add(new Item(Section.ADDED_TABLE, "", i, List.of("  - " + t.table().name())));
        } else if (c instanceof SchemaChange.DropTable t) {
            items.add(new Item(Section.REMOVED_TABLE, "", i, List.of("  - " + t.table().name())));
        } else if (c instanceof SchemaChange.AlterEnum e) {
            List<String> lines = new ArrayList<>();
            e.added().forEach(v -> lines.add("  [+] Added variant `" + v + "`"));
            e.removed().forEach(v -> lines.add("  [-] Removed variant `" + v + "`"));
            items.add(new Item(Section.CHANGED_ENUM, e.from().name(), i, lines));
        } else if (c instanceof SchemaChange.RedefineTables r) {
            r.tables().forEach(t -> items.add(new Item(Section.REDEFINED_TABLE, t.from().name(), i, List.of())));
        } else if (c instanceof SchemaChange.DropForeignKey f) {
            changed(items, f.table().name(), i, "  [-] Removed foreign key on columns ("
                    + String.join(", ", f.foreignKey().columns()) + ")");
        } else if (c instanceof SchemaChange.AddForeignKey f) {
            changed(items, f.table().name(), i, "  [+] Added foreign key on columns ("
                    + String.join(", ", f.foreignKey().columns()) + ")");
        } else if (c instanceof SchemaChange.DropIndex d) {
            changed(items, d.table().name(), i, "  [-] Removed " + index(d.index()));
        } else if (c instanceof SchemaChange.CreateIndex d) {
            changed(items, d.table().name(), i, "  [+] Added " + index(d.index()));
        } else if (c instanceof SchemaChange.RenameIndex r) {
            changed(items, r.table().name(), i, "  [*] Renamed index `" + r.from().name() + "` to `" + r.to().name()
                    + "`");
        } else if (c instanceof SchemaChange.RedefineIndex r) {
            changed(items, r.table().name(), i, "  [*] Redefined index `" + r.from().name() + "`");
        } else if (c instanceof SchemaChange.RenameForeignKey r) {
            changed(items, r.table().name(), i, "  [*] Renamed the foreign key \"" + r.from().constraintName()
                    + "\" to \"" + r.to().constraintName() + "\"");
        } else if (c instanceof SchemaChange.AlterTable a) {
            List<String> lines = new ArrayList<>();
            for (TableChange tc : a.changes()) {
                lines.add(tableChange(tc));
            }
            items.add(new Item(Section.CHANGED_TABLE, a.from().name(), i, lines));
        }
    }

    private static void changed(List<Item> items, String table, int i, String line) {
        items.add(new Item(Section.CHANGED_TABLE, table, i, List.of(line)));
    }

    private static String index(Index index) {
        return (index.isUnique() ? "unique " : "") + "index on columns (" + String.join(", ", index.columnNames()) + ")";
    }

    private static String tableChange(TableChange tc) {
        if (tc instanceof AddColumn a) {
            return "  [+] Added column `" + a.column().name() + "`";
        } else if (tc instanceof DropColumn d) {
            return "  [-] Removed column `" + d.column().name() + "`";
        } else if (tc instanceof AlterColumn a) {
            return "  [*] Altered column `" + a.to().name() + "` " + changes(a.from(), a.to(), a.changes());
        } else if (tc instanceof RecreateColumn r) {
            return "  [*] Column `" + r.to().name() + "` would be dropped and recreated "
                    + changes(r.from(), r.to(), r.changes());
        } else if (tc instanceof DropPrimaryKey d) {
            return "  [-] Dropped the primary key on columns (" + String.join(", ", d.primaryKey().columnNames()) + ")";
        } else if (tc instanceof RenamePrimaryKey r) {
            return "  [*] Renamed the primary key on columns (" + String.join(", ", r.from().columnNames()) + ")";
        } else if (tc instanceof AddPrimaryKey a) {
            return "  [+] Added primary key on columns (" + String.join(", ", a.primaryKey().columnNames()) + ")";
        }
        throw new IllegalArgumentException(String.valueOf(tc));
    }

    private static String changes(Column from, Column to, Set<ColumnChange> changes) {
        List<String> parts = new ArrayList<>();
        for (ColumnChange c : ColumnChange.values()) {
            if (!changes.contains(c)) {
                continue;
            }
            parts.add(switch (c) {
                case ARITY -> "changed from " + arity(from.arity()) + " to " + arity(to.arity());
                case DEFAULT -> "default changed from `" + dflt(from) + "` to `" + dflt(to) + "`";
                case TYPE -> "type changed";
                case AUTOINCREMENT -> from.autoIncrement() ? "column is no longer autoincrementing"
                        : "column became autoincrementing";
            });
        }
        return "(" + String.join(", ", parts) + ")";
    }

    private static String arity(ColumnArity arity) {
        return switch (arity) {
            case REQUIRED -> "Required";
            case NULLABLE -> "Nullable";
            case LIST -> "List";
        };
    }

    private static String dflt(Column c) {
        return c.defaultValue() == null ? "None" : "Some(" + c.defaultValue() + ")";
    }
}
