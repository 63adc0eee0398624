package dev.prismaspring.migrate.files;

import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import java.util.List;

/**
 * EXTENSION POINT for the migration differ: turns the schema of the last migration's snapshot into the current
 * schema's, as forward SQL (Prisma's migration.sql format) and the statements that undo it. {@code migrate dev}
 * calls it when there are migrations already and the schema changed.
 *
 * <p>Until the differ ({@code dev.prismaspring.migrate.SchemaDiffer}) is wired in, {@link #unavailable()} is the
 * only implementation: it refuses with a clear message.
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

    /** The planner used until the differ lands: always throws {@link NotAvailableException}. */
    static MigrationPlanner unavailable() {
        return (dialect, previous, current) -> {
            throw new NotAvailableException("Writing a migration for changes to an existing migration history needs "
                    + "the schema differ, which is not available yet.");
        };
    }
}
