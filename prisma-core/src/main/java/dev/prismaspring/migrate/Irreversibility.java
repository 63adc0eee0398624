package dev.prismaspring.migrate;

import dev.prismaspring.migrate.SchemaChange.AlterColumn;
import dev.prismaspring.migrate.SchemaChange.DropColumn;
import dev.prismaspring.migrate.SchemaChange.RecreateColumn;
import dev.prismaspring.migrate.SchemaChange.TableChange;
import dev.prismaspring.migrate.SchemaChange.TypeChange;
import java.util.ArrayList;
import java.util.List;

/** Which forward changes lose data that the rollback cannot bring back. */
final class Irreversibility {

    private Irreversibility() {
    }

    static List<String> losses(List<SchemaChange> changes) {
        List<String> out = new ArrayList<>();
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.DropTable d) {
                out.add("The migration drops the `" + d.table().name()
                        + "` table; the rollback creates it again, empty.");
            } else if (c instanceof SchemaChange.AlterTable a) {
                tableChanges(a.from().name(), a.changes(), out);
            } else if (c instanceof SchemaChange.RedefineTables r) {
                r.tables().forEach(t -> tableChanges(t.from().name(), t.changes(), out));
            } else if (c instanceof SchemaChange.AlterEnum e && !e.removed().isEmpty()) {
                out.add("The migration removes the values [" + String.join(",", e.removed()) + "] from the enum `"
                        + e.from().name() + "`; the rollback adds them again, but no row holds them any more.");
            }
        }
        return out;
    }

    private static void tableChanges(String table, List<TableChange> changes, List<String> out) {
        for (TableChange tc : changes) {
            if (tc instanceof DropColumn d) {
                out.add("The migration drops the column `" + d.column().name() + "` of the `" + table
                        + "` table; the rollback adds it again without its values.");
            } else if (tc instanceof RecreateColumn r) {
                out.add("The migration drops and recreates the column `" + r.from().name() + "` of the `" + table
                        + "` table (no cast exists); the rollback cannot bring its values back.");
            } else if (tc instanceof AlterColumn a && a.typeChange() == TypeChange.RISKY_CAST) {
                out.add("The migration casts the column `" + a.from().name() + "` of the `" + table
                        + "` table to a narrower or different type; values changed by the cast stay changed.");
            }
        }
    }
}
