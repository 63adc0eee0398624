package dev.prismaspring.migrate.files;

import dev.prismaspring.migrate.DestructiveChangeChecker;
import dev.prismaspring.migrate.MigrationScript;
import dev.prismaspring.migrate.SafetyReport;
import dev.prismaspring.migrate.SchemaDiffer;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import java.util.List;

/**
 * EXTENSION POINT for the migration differ: turns the schema of the last migration's snapshot into the current
 * schema's, as forward SQL (Prisma's migration.sql format) and the statements that undo it. {@code migrate dev}
 * calls it when there are migrations already and the schema changed.
 *
 * <p>{@link #differ()} is the implementation: {@link SchemaDiffer#script} between the two schemas, the forward SQL
 * with Prisma's {@code Warnings} block when the {@link DestructiveChangeChecker} finds risks, and the inverse
 * script's statements as rollback. {@link #plan(MigrationScript, SafetyReport)} does the same for a script already
 * checked against a live database (row counts known). {@link #unavailable()} remains for callers that must not
 * diff.
 */
@FunctionalInterface
public interface MigrationPlanner {

    /**
     * The SQL of one migration.
     *
     * @param forwardSql         the forward script, as Prisma renders it
     * @param rollbackStatements the statements that undo it, in execution order
     */
    record Plan(String forwardSql, List<String> rollbackStatements) {
        public Plan {
            rollbackStatements = List.copyOf(rollbackStatements);
        }
    }

    /** Thrown when no differ is available. */
    final class NotAvailableException extends RuntimeException {
        public NotAvailableException(String message) {
            super(message);
        }
    }

    /** The migration from {@code previous} to {@code current}. */
    Plan plan(SqlDialect dialect, SqlSchema previous, SqlSchema current);

    /**
     * The planner backed by the differ: the safety check without a database (every potential risk is warned
     * about).
     */
    static MigrationPlanner differ() {
        return (dialect, previous, current) -> {
            MigrationScript script = SchemaDiffer.script(previous, current, dialect);
            return plan(script, DestructiveChangeChecker.check(script));
        };
    }

    /**
     * The plan of a script: forward SQL with the report's warnings block on top (nothing when the report is
     * safe), rollback = the inverse script's statements.
     */
    static Plan plan(MigrationScript script, SafetyReport report) {
        return new Plan(script.sql(report), script.rollbackStatements());
    }

    /** A planner that refuses: always throws {@link NotAvailableException}. Kept for tests of the refusal path.: always throws {@link NotAvailableException}. */
    static MigrationPlanner unavailable() {
        return (dialect, previous, current) -> {
            throw new NotAvailableException("Writing a migration for changes to an existing migration history needs "
                    + "the schema differ, which is not available yet.");
        };
    }
}
