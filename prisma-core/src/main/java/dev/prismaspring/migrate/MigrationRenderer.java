package dev.prismaspring.migrate;

import dev.prismaspring.sql.DdlScript;
import dev.prismaspring.sql.DdlStep;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@link SchemaChange}s as SQL for one dialect, in the format of Prisma's {@code migration.sql}
 * ({@code sql_renderer/*_renderer.rs}).
 */
public interface MigrationRenderer {

    /** The renderer of a dialect. */
    static MigrationRenderer of(SqlDialect dialect) {
        return switch (dialect.provider()) {
            case POSTGRESQL -> new PostgresMigrationRenderer();
            case MYSQL -> new MySqlMigrationRenderer();
            case SQLITE -> new SqliteMigrationRenderer();
        };
    }

    /** The statements of one change (without semicolons); {@code from} and {@code to} are the whole schemas. */
    List<String> render(SchemaChange change, SqlSchema from, SqlSchema to);

    /** All changes as a script: one {@code -- Description} step per change. */
    default DdlScript script(List<SchemaChange> changes, SqlSchema from, SqlSchema to) {
        List<DdlStep> steps = new ArrayList<>();
        for (SchemaChange c : changes) {
            List<String> statements = render(c, from, to);
            if (!statements.isEmpty()) {
                steps.add(new DdlStep(c.description(), statements));
            }
        }
        return new DdlScript(steps);
    }
}
