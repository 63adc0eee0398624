package dev.prismaspring.liquibase;

import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.migrate.files.MigrationHistory;
import dev.prismaspring.migrate.files.MigrationSqlWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import liquibase.ChecksumVersion;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.change.Change;
import liquibase.change.CheckSum;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.listener.SqlListener;
import liquibase.parser.ChangeLogParser;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Runs Prisma migrations through Liquibase: Liquibase keeps the history ({@code DATABASECHANGELOG}), takes its lock
 * ({@code DATABASECHANGELOGLOCK}) and checks checksums. The changelog is built in memory from the migrations'
 * {@code migration.sql} texts, in order, each parsed by Liquibase's formatted-SQL parser; every changeset names its
 * own {@code logicalFilePath}, so the recorded file names never depend on where the migrations were read from (a
 * folder for the CLI, the classpath of a jar for an application): both see the same history.
 *
 * <p>Uses only Liquibase API that 4.33 (Apache-2.0) and 5.x share: the {@link Liquibase} facade, the changelog
 * parser factory, {@link ChangeSet#isCheckSumValid}, {@link ResourceAccessor}.
 *
 * <p>Failures Liquibase does not record: when a migration fails, Liquibase rolls back what it can and writes no
 * history row. On MySQL/MariaDB DDL cannot be rolled back, so the database may hold half a migration. As Prisma
 * does, this runner records the failure, as a {@code DATABASECHANGELOG} row with {@code EXECTYPE = 'FAILED'}, and
 * refuses to deploy until it is resolved ({@code prisma migrate resolve}).
 *
 * <p>Every problem is a {@link MigrationException} with a message for the user.
 */
public final class LiquibaseMigrator {

    private final ConnectionSource connections;
    private final String databaseName;
    private final Supplier<List<Migration>> migrations;
    private Duration lockTimeout = Duration.ofMinutes(10);

    /**
     * @param connections  opens connections to the database
     * @param databaseName how messages name the database (a URL without password, "the DataSource", ...)
     * @param migrations   the migrations, in the order they apply (read again on every operation)
     */
    public LiquibaseMigrator(ConnectionSource connections, String databaseName, Supplier<List<Migration>> migrations) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.databaseName = Objects.requireNonNull(databaseName, "databaseName");
        this.migrations = Objects.requireNonNull(migrations, "migrations");
    }

    /** The migrations, in order. */
    public List<Migration> migrations() {
        return migrations.get();
    }

    // ------------------------------------------------------------------------------------------ status

    /** The status of every migration; never changes the database (creates no Liquibase table). */
    public MigrationStatus status() {
        List<Migration> local = migrations();
        try (Connection c = connections.open()) {
            List<MigrationHistory.Entry> history = MigrationHistory.read(c);
            Map<String, ChangeSet> changeSets = history.isEmpty() ? Map.of() : parse(local, null);
            return status(local, history, changeSets);
        } catch (SQLException e) {
            throw databaseError("read the migration history", e);
        }
    }

    private static MigrationStatus status(List<Migration> local, List<MigrationHistory.Entry> history,
            Map<String, ChangeSet> changeSets) {
        Map<String, MigrationHistory.Entry> byId = new LinkedHashMap<>();
        for (MigrationHistory.Entry e : history) {
            if (MigrationSqlWriter.AUTHOR.equals(e.author())) {
                byId.put(e.id(), e);
            }
        }
        List<MigrationStatus.Applied> applied = new ArrayList<>();
        List<MigrationStatus.Failed> failed = new ArrayList<>();
        List<MigrationStatus.Modified> modified = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, Migration> localById = new HashMap<>();
        local.forEach(m -> localById.put(m.id(), m));
        for (MigrationHistory.Entry e : byId.values()) {
            if (e.failed()) {
                failed.add(new MigrationStatus.Failed(e.id(), e.dateExecuted(), e.comments()));
                continue;
            }
            if (!localById.containsKey(e.id())) {
                missing.add(e.id());
                continue;
            }
            applied.add(new MigrationStatus.Applied(e.id(), e.dateExecuted(), e.checksum()));
            ChangeSet cs = changeSets.get(e.id());
            if (cs != null && e.checksum() != null && !cs.isCheckSumValid(CheckSum.parse(e.checksum()))) {
                modified.add(new MigrationStatus.Modified(e.id(), e.checksum(), currentChecksum(cs, e.checksum())));
            }
        }
        for (Migration m : local) {
            if (!byId.containsKey(m.id())) {
                pending.add(m.id());
            }
        }
        return new MigrationStatus(applied, pending, failed, modified, missing);
    }

    private static String currentChecksum(ChangeSet cs, String stored) {
        CheckSum parsed = CheckSum.parse(stored);
        return cs.generateCheckSum(ChecksumVersion.enumFromChecksumVersion(parsed.getVersion())).toString();
    }

    // ------------------------------------------------------------------------------------------ deploy

    /**
     * Applies the pending migrations, in order. The whole run (status, then update) holds the database's
     * {@link MigrationLock}, a session lock that dies with its holder, so concurrent instances apply each migration
     * once and a killed instance leaves no stale lock; Liquibase's {@code DATABASECHANGELOGLOCK} row, taken inside
     * it, is forced free first (under the session lock, a held row can only be stale). Refuses when a migration
     * failed before or an applied one was modified; records and reports a migration that fails now, naming the
     * failing statement and, where DDL is not transactional, how many statements of it ran.
     *
     * @return the ids of the migrations applied now
     */
    public List<String> deploy() {
        try (MigrationLock lock = MigrationLock.acquire(connections, databaseName, lockTimeout)) {
            return deployLocked();
        }
    }

    /** How long {@link #deploy()} waits for another instance's migration lock (default 10 minutes). */
    public LiquibaseMigrator lockTimeout(Duration timeout) {
        this.lockTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    private List<String> deployLocked() {
        MigrationStatus before = status();
        refuseUnresolved(before);
        if (before.pending().isEmpty()) {
            return List.of();
        }
        StatementTracker tracker = new StatementTracker();
        boolean[] transactionalDdl = {true};
        try (Connection c = connections.open()) {
            // JDBC's own answer (MariaDB: true); Liquibase's supportsDDLInTransaction() says true for MariaDB
            transactionalDdl[0] = !c.getMetaData().dataDefinitionCausesTransactionCommit();
            withLiquibase(c, liquibase -> {
                liquibase.setChangeExecListener(tracker);
                liquibase.forceReleaseLocks();
                try {
                    Scope.child(tracker.sqlListener(), Map.of(), () -> liquibase.update(new liquibase.Contexts(),
                            new liquibase.LabelExpression()));
                } catch (LiquibaseException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new LiquibaseException(e);
                }
            });
        } catch (LiquibaseException e) {
            if (tracker.failedId != null) {
                String error = rootMessage(e);
                FailedStatement at = tracker.failedStatement();
                // a migration Liquibase sends whole (splitStatements:false, PostgreSQL) is one statement to it
                boolean whole = at != null && at.total() == 1;
                String where = at == null || whole ? "" : " at statement " + at.number() + " of " + at.total();
                String ran = at == null ? "" : transactionalDdl[0]
                        ? whole ? "; rolled back" : "; rolled back, none of its statements remain"
                        : at.number() == 1 ? "; no statement of it ran"
                        : "; statements 1-" + (at.number() - 1) + " ran and stay applied (DDL is not transactional here)";
                recordFailure(tracker.failedId, at == null ? error
                        : (where.isEmpty() ? ran.substring(2) : where.strip() + ran) + ": " + error);
                String statement = at == null ? "" : (whole ? "\n\nFailing SQL (the migration runs as one script):"
                        : "\n\nFailing statement (" + at.number() + " of " + at.total() + "):")
                        + "\n  " + at.sql().strip().replace("\n", "\n  ") + "\n\n";
                String undo = transactionalDdl[0] || at == null || at.number() == 1 ? "" : "undo statements 1-"
                        + (at.number() - 1) + " of it (or complete it by hand and run 'prisma migrate resolve "
                        + "--applied " + tracker.failedId + "'), ";
                throw new MigrationException(MigrationException.Kind.REFUSED, "Migration " + tracker.failedId
                        + " failed" + where + ": " + error + ran + "." + (statement.isEmpty() ? " " : statement)
                        + "Fix the migration or the database, " + undo + "then run 'prisma migrate resolve "
                        + "--rolled-back " + tracker.failedId + "' and deploy again.", e);
            }
            throw liquibaseError("apply the migrations", e);
        } catch (SQLException e) {
            throw databaseError("apply the migrations", e);
        }
        MigrationStatus after = status();
        List<String> appliedNow = new ArrayList<>(before.pending());
        appliedNow.removeAll(after.pending());
        return appliedNow;
    }

    /** The statement of a migration that failed: its number (from 1), the migration's count, its SQL. */
    record FailedStatement(int number, int total, String sql) {
    }

    /**
     * Follows the statements Liquibase runs for the changeset in progress (its {@link SqlListener} sees each write
     * before it runs), so the failing one is known by number; the count comes from Liquibase's own splitting of
     * the changeset ({@code Change.generateStatements}).
     */
    private static final class StatementTracker extends AbstractChangeExecListener {

        private final List<String> started = new ArrayList<>();
        private boolean inChangeSet;
        private int total;
        private String failedId;

        SqlListener sqlListener() {
            return new SqlListener() {
                @Override
                public void writeSqlWillRun(String sql) {
                    if (inChangeSet) {
                        started.add(sql);
                    }
                }
            };
        }

        @Override
        public void willRun(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
                ChangeSet.RunStatus runStatus) {
            started.clear();
            inChangeSet = true;
            total = 0;
            for (Change change : changeSet.getChanges()) {
                total += change.generateStatements(database).length;
            }
        }

        @Override
        public void ran(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
                ChangeSet.ExecType execType) {
            inChangeSet = false;
        }

        @Override
        public void runFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
                Exception exception) {
            inChangeSet = false;
            failedId = changeSet.getId();
        }

        FailedStatement failedStatement() {
            if (started.isEmpty()) {
                return null;
            }
            return new FailedStatement(started.size(), Math.max(total, started.size()), started.get(started.size() - 1));
        }
    }

    /** Refuses (throws) when a migration failed before or an applied migration was modified. */
    public static void refuseUnresolved(MigrationStatus status) {
        if (!status.failed().isEmpty()) {
            MigrationStatus.Failed f = status.failed().get(0);
            throw new MigrationException(MigrationException.Kind.REFUSED, "Migration " + f.id() + " failed"
                    + (f.error() == null ? "" : " (" + f.error() + ")") + ", so no migration is applied. Fix the "
                    + "database, then run 'prisma migrate resolve --rolled-back " + f.id() + "' to run it again, or "
                    + "'prisma migrate resolve --applied " + f.id() + "' if you completed it by hand.");
        }
        if (!status.modified().isEmpty()) {
            MigrationStatus.Modified m = status.modified().get(0);
            throw new MigrationException(MigrationException.Kind.REFUSED, "Migration " + m.id() + " was modified "
                    + "after it was applied (checksum " + m.appliedChecksum() + " in DATABASECHANGELOG, "
                    + m.currentChecksum() + " now), so no migration is applied. Restore its migration.sql and put "
                    + "the change in a new migration.");
        }
    }

    private void recordFailure(String id, String error) {
        Migration m = migrations().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        try (Connection c = connections.open()) {
            String checksum = null;
            String filename = MigrationSqlWriter.logicalFilePath(id);
            if (m != null) {
                ChangeSet cs = parse(List.of(m), null).get(id);
                if (cs != null) {
                    checksum = cs.generateCheckSum(ChecksumVersion.latest()).toString();
                    filename = cs.getFilePath();
                }
            }
            int order;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT MAX(ORDEREXECUTED) FROM " + MigrationHistory.TABLE)) {
                order = rs.next() ? rs.getInt(1) + 1 : 1;
            }
            String comments = error.length() > 250 ? error.substring(0, 247) + "..." : error;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + MigrationHistory.TABLE
                    + " (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION, COMMENTS, "
                    + "LIQUIBASE) VALUES (?, ?, ?, CURRENT_TIMESTAMP, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, MigrationSqlWriter.AUTHOR);
                ps.setString(3, filename);
                ps.setInt(4, order);
                ps.setString(5, MigrationHistory.FAILED);
                ps.setString(6, checksum);
                ps.setString(7, "sql");
                ps.setString(8, comments);
                ps.setString(9, liquibaseVersion());
                ps.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw databaseError("record the failure of migration " + id, e);
        }
    }

    // ------------------------------------------------------------------------------------------ resolve, rollback

    /** Forgets a failed migration, so that deploy runs it again. */
    public void resolveRolledBack(String id) {
        updateFailedRow(id, "DELETE FROM " + MigrationHistory.TABLE + " WHERE ID = ? AND AUTHOR = ? AND EXECTYPE = ?");
    }

    /** Marks a failed migration as applied (the user completed it by hand). */
    public void resolveApplied(String id) {
        updateFailedRow(id, "UPDATE " + MigrationHistory.TABLE + " SET EXECTYPE = 'EXECUTED', COMMENTS = NULL "
                + "WHERE ID = ? AND AUTHOR = ? AND EXECTYPE = ?");
    }

    private void updateFailedRow(String id, String sql) {
        try (Connection c = connections.open()) {
            int rows = 0;
            if (MigrationHistory.exists(c)) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, id);
                    ps.setString(2, MigrationSqlWriter.AUTHOR);
                    ps.setString(3, MigrationHistory.FAILED);
                    rows = ps.executeUpdate();
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            if (rows == 0) {
                throw new MigrationException(MigrationException.Kind.REFUSED, "Migration " + id + " is not "
                        + "recorded as failed in " + databaseName + ". Only failed migrations can be resolved; "
                        + "'prisma migrate status' lists them.");
            }
        } catch (SQLException e) {
            throw databaseError("resolve migration " + id, e);
        }
    }

    /** Rolls back the last {@code count} applied migrations with their {@code --rollback} SQL, under the migration lock. */
    public void rollback(int count) {
        try (MigrationLock lock = MigrationLock.acquire(connections, databaseName, lockTimeout);
                Connection c = connections.open()) {
            refuseUnresolved(status());
            withLiquibase(c, liquibase -> liquibase.rollback(count, (String) null));
        } catch (LiquibaseException e) {
            throw liquibaseError("roll back the last " + count + " migration(s)", e);
        } catch (SQLException e) {
            throw databaseError("roll back", e);
        }
    }

    // ------------------------------------------------------------------------------------------ Liquibase plumbing

    private interface LiquibaseAction {
        void run(Liquibase liquibase) throws LiquibaseException;
    }

    private void withLiquibase(Connection c, LiquibaseAction action) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        List<Migration> all = migrations();
        ResourceAccessor accessor = new MigrationResourceAccessor(all);
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put(Scope.Attr.resourceAccessor.name(), accessor);
        scope.put("liquibase.analytics.enabled", Boolean.FALSE);
        try {
            Scope.child(scope, () -> {
                DatabaseChangeLog changeLog = new DatabaseChangeLog(MigrationSqlWriter.LOGICAL_PATH_PREFIX);
                for (ChangeSet cs : parse(all, database).values()) {
                    changeLog.addChangeSet(cs);
                }
                Liquibase liquibase = new Liquibase(changeLog, accessor, database);
                // the update summary goes to the log, not to stdout
                liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
                action.run(liquibase);
            });
        } catch (LiquibaseException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
        }
    }

    /** The changesets of the migrations, by id, in order; each migration.sql must be Liquibase formatted SQL. */
    private static Map<String, ChangeSet> parse(List<Migration> migrations, Database database) {
        if (migrations.isEmpty()) {
            return Map.of();
        }
        ResourceAccessor accessor = new MigrationResourceAccessor(migrations);
        ChangeLogParameters parameters = database == null ? new ChangeLogParameters() : new ChangeLogParameters(database);
        Map<String, ChangeSet> out = new LinkedHashMap<>();
        for (Migration m : migrations) {
            if (!MigrationSqlWriter.hasHeader(m.sqlText())) {
                throw new MigrationException(MigrationException.Kind.REFUSED, m.sqlFile() + " does not start with '"
                        + MigrationSqlWriter.HEADER + "'. Add that line and a '--changeset prisma:" + m.id()
                        + "' line above the SQL.");
            }
            try {
                ChangeLogParser parser = ChangeLogParserFactory.getInstance().getParser(m.relativeSqlPath(), accessor);
                DatabaseChangeLog child = parser.parse(m.relativeSqlPath(), parameters, accessor);
                if (child.getChangeSets().isEmpty()) {
                    throw new MigrationException(MigrationException.Kind.REFUSED, m.sqlFile() + " holds no "
                            + "changeset. Add a '--changeset prisma:" + m.id() + "' line above the SQL.");
                }
                for (ChangeSet cs : child.getChangeSets()) {
                    out.put(cs.getId(), cs);
                }
            } catch (LiquibaseException e) {
                throw new MigrationException(MigrationException.Kind.REFUSED, "Liquibase cannot read " + m.sqlFile()
                        + ": " + rootMessage(e) + ".", e);
            }
        }
        return out;
    }

    private static String liquibaseVersion() {
        String v = liquibase.util.LiquibaseUtil.getBuildVersion();
        return v == null ? null : v.length() > 20 ? v.substring(0, 20) : v;
    }

    /** The innermost useful message of an exception chain, on one line, without a trailing period. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
            if (t instanceof SQLException) {
                break;
            }
            t = t.getCause();
        }
        if (message == null) {
            message = e.toString();
        }
        message = message.strip().replaceAll("\\s*\\n\\s*", " ");
        message = message.replaceAll("^\\[Failed SQL:.*", "");
        while (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        return message;
    }

    private MigrationException databaseError(String what, SQLException e) {
        return new MigrationException(MigrationException.Kind.DATABASE, "Could not " + what + " in " + databaseName
                + ": " + rootMessage(e) + ".", e);
    }

    private MigrationException liquibaseError(String what, LiquibaseException e) {
        return new MigrationException(MigrationException.Kind.REFUSED, "Liquibase could not " + what + " in "
                + databaseName + ": " + rootMessage(e) + ".", e);
    }
}
