package dev.prismaspring.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Applies a {@link MigrationScript} to a database over JDBC, statement by statement, after checking it with the
 * {@link DestructiveChangeChecker} against that database's data: risky changes run only when data loss is
 * accepted, changes that cannot run on the data never do. A refused migration executes nothing.
 */
public final class MigrationExecutor {

    private MigrationExecutor() {
    }

    /**
     * Checks, then applies {@code script} on {@code connection} (in its auto-commit mode).
     *
     * @return the report of the check (all its risks were accepted)
     * @throws MigrationRefusedException when the report forbids applying; nothing was executed
     */
    public static SafetyReport apply(Connection connection, MigrationScript script, boolean acceptDataLoss)
            throws SQLException {
        SafetyReport report = DestructiveChangeChecker.check(script, connection);
        if (!report.mayApply(acceptDataLoss)) {
            throw new MigrationRefusedException(report);
        }
        try (Statement s = connection.createStatement()) {
            for (String sql : script.statements()) {
                s.execute(sql);
            }
        }
        return report;
    }
}
