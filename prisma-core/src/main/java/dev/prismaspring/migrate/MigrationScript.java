package dev.prismaspring.migrate;

import dev.prismaspring.sql.DdlScript;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration between two schemas for one dialect: the changes, the forward script in Prisma's
 * {@code migration.sql} format and the rollback script (the inverse diff), with a note for every change whose
 * rollback restores the structure but not the data.
 *
 * @param dialect         the dialect the SQL is for
 * @param from            the schema before
 * @param to              the schema after
 * @param changes         the forward changes, in execution order
 * @param forward         the forward script
 * @param rollbackChanges the changes of the rollback (to → from), in execution order
 * @param rollback        the rollback script
 * @param rollbackLosses  one sentence per forward change whose data the rollback cannot bring back
 */
public record MigrationScript(SqlDialect dialect, SqlSchema from, SqlSchema to, List<SchemaChange> changes,
        DdlScript forward, List<SchemaChange> rollbackChanges, DdlScript rollback, List<String> rollbackLosses) {

    public MigrationScript {
        changes = List.copyOf(changes);
        rollbackChanges = List.copyOf(rollbackChanges);
        rollbackLosses = List.copyOf(rollbackLosses);
    }

    /** Diffs {@code from} and {@code to} both ways and renders both scripts. */
    public static MigrationScript of(SqlSchema from, SqlSchema to, SqlDialect dialect) {
        MigrationRenderer renderer = MigrationRenderer.of(dialect);
        List<SchemaChange> forward = SchemaDiffer.diff(from, to, dialect);
        List<SchemaChange> backward = new ArrayList<>(SchemaDiffer.diff(to, from, dialect));
        // the rollback also drops the schemas the migration created (empty again by then)
        forward.stream().filter(c -> c instanceof SchemaChange.CreateSchema)
                .map(c -> ((SchemaChange.CreateSchema) c).namespace())
                .forEach(ns -> backward.add(new SchemaChange.DropSchema(ns)));
        return new MigrationScript(dialect, from, to, forward, renderer.script(forward, from, to), backward,
                renderer.script(backward, to, from), Irreversibility.losses(forward));
    }

    /** Whether the schemas are the same (no changes). */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The forward SQL, exactly as Prisma's {@code migrate diff --script} prints it. */
    public String sql() {
        return forward.render();
    }

    /** The forward SQL with Prisma's {@code /* Warnings: ... *}{@code /} block on top, as in {@code migration.sql}. */
    public String sql(SafetyReport report) {
        return report.warningsComment() + sql();
    }

    /** The forward statements, in order, without semicolons. */
    public List<String> statements() {
        return forward.statements();
    }

    /**
     * The rollback SQL: a comment naming what it cannot restore (when anything), then the inverse script.
     */
    public String rollbackSql() {
        StringBuilder out = new StringBuilder();
        if (!rollbackLosses.isEmpty()) {
            out.append("-- This rollback restores the structure, not the data:\n");
            for (String loss : rollbackLosses) {
                out.append("--   - ").append(loss).append('\n');
            }
            out.append('\n');
        }
        return out.append(rollback.render()).toString();
    }

    /** The rollback statements, in order, without semicolons. */
    public List<String> rollbackStatements() {
        return new ArrayList<>(rollback.statements());
    }
}
