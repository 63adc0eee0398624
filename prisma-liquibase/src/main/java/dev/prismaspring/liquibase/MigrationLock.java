package dev.prismaspring.liquibase;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The lock that serialises migration runs of several application instances on one database. It is session-scoped:
 * it belongs to a dedicated connection (PostgreSQL {@code pg_advisory_lock}, MySQL/MariaDB {@code GET_LOCK}) or to
 * the process (SQLite: an OS file lock on {@code <database file>.migrate-lock}), so it dies with its holder, and a
 * killed instance never leaves a stale lock behind. Taken before Liquibase's own {@code DATABASECHANGELOGLOCK}
 * row, which is therefore never contended (see {@link LiquibaseMigrator#deploy()}).
 *
 * <p>Waiting polls with a try-lock every {@value #POLL_MILLIS} ms until the timeout, so a waiting instance never
 * holds a server thread in a blocking call and notices a released lock within that interval.
 */
public sealed interface MigrationLock extends AutoCloseable {

    /** How often a waiting instance tries the lock again. */
    long POLL_MILLIS = 200;

    /** Releases the lock (and the connection that held it). */
    @Override
    void close();

    /**
     * Takes the lock of the database {@code connections} open, waiting up to {@code timeout}.
     *
     * @throws MigrationException (DATABASE) when it cannot be reached, (REFUSED) when the wait times out
     */
    static MigrationLock acquire(ConnectionSource connections, String databaseName, Duration timeout) {
        Connection c;
        String product;
        String url;
        try {
            c = connections.open();
            product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            url = c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new MigrationException(MigrationException.Kind.DATABASE, "Could not take the migration lock in "
                    + databaseName + ": " + LiquibaseMigrator.rootMessage(e) + ".", e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            MigrationLock lock;
            if (product.contains("postgres")) {
                lock = new AdvisoryLock(c);
            } else if (product.contains("mysql") || product.contains("mariadb")) {
                lock = new NamedLock(c);
            } else if (product.contains("sqlite")) {
                c.close();
                lock = FileLockOnDatabase.of(url);
            } else {
                return new NoLock(c);
            }
            boolean reported = false;
            while (!lock.tryAcquire()) {
                if (!reported) {
                    System.getLogger(MigrationLock.class.getName()).log(System.Logger.Level.INFO,
                            "Prisma: another instance is migrating " + databaseName + "; waiting for its lock.");
                    reported = true;
                }
                if (System.nanoTime() > deadline) {
                    lock.close();
                    throw new MigrationException(MigrationException.Kind.REFUSED, "Another instance held the "
                            + "migration lock of " + databaseName + " for more than " + timeout.toSeconds()
                            + " s, so no migration was applied. If that instance is still migrating, wait; the lock "
                            + "dies with its connection, so a crashed instance does not keep it.");
                }
                Thread.sleep(POLL_MILLIS);
            }
            return lock;
        } catch (SQLException | IOException e) {
            closeQuietly(c);
            throw new MigrationException(MigrationException.Kind.DATABASE, "Could not take the migration lock in "
                    + databaseName + ": " + e.getMessage() + ".", e);
        } catch (InterruptedException e) {
            closeQuietly(c);
            Thread.currentThread().interrupt();
            throw new MigrationException(MigrationException.Kind.REFUSED, "Interrupted while waiting for the "
                    + "migration lock of " + databaseName + ".", e);
        }
    }

    /** One non-blocking attempt; true when this instance now holds the lock. */
    boolean tryAcquire() throws SQLException, IOException;

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing
        }
    }

    /**
     * Ends a session lock: unlocks explicitly (a pooled connection's close does not end its session); when that
     * fails the connection is aborted so the pool discards it and the server ends the session.
     */
    private static void release(Connection c, String sql, Object key) {
        try {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, key);
                ps.execute();
            }
            c.close();
        } catch (SQLException e) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException ignored) {
                closeQuietly(c);
            }
        }
    }

    /** PostgreSQL: a session advisory lock; advisory locks are per database, so the key is a constant. */
    record AdvisoryLock(Connection connection) implements MigrationLock {

        /** "prisma-migrate" as a 64-bit key. */
        static final long KEY = 0x7072_6973_6d61_6d67L;

        @Override
        public boolean tryAcquire() throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        }

        @Override
        public void close() {
            release(connection, "SELECT pg_advisory_unlock(?)", KEY);
        }
    }

    /** MySQL/MariaDB: a named user lock; those are per server, so the name carries the database. */
    final class NamedLock implements MigrationLock {

        private final Connection connection;
        private String name;

        NamedLock(Connection connection) {
            this.connection = connection;
        }

        @Override
        public boolean tryAcquire() throws SQLException {
            if (name == null) {
                String database = connection.getCatalog();
                name = "prisma_migrate:" + (database == null ? "" : database);
                if (name.length() > 64) {
                    name = name.substring(0, 64);
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }
        }

        @Override
        public void close() {
            release(connection, "SELECT RELEASE_LOCK(?)", name == null ? "" : name);
        }
    }

    /**
     * SQLite: an OS lock on a file next to the database, held by the process (released by the OS when it dies),
     * plus an in-process permit because the OS lock is per process.
     */
    final class FileLockOnDatabase implements MigrationLock {

        private static final Map<Path, Semaphore> PERMITS = new ConcurrentHashMap<>();

        private final Path file;
        private final Semaphore permit;
        private FileChannel channel;
        private FileLock lock;

        private FileLockOnDatabase(Path file) {
            this.file = file;
            this.permit = PERMITS.computeIfAbsent(file, f -> new Semaphore(1));
        }

        static MigrationLock of(String jdbcUrl) {
            String path = jdbcUrl.replaceFirst("^jdbc:sqlite:", "").replaceFirst("^file:", "");
            int query = path.indexOf('?');
            if (query >= 0) {
                path = path.substring(0, query);
            }
            if (path.isBlank() || path.contains(":memory:") || path.contains("mode=memory")) {
                return new NoLock(null);
            }
            return new FileLockOnDatabase(Path.of(path + ".migrate-lock").toAbsolutePath().normalize());
        }

        @Override
        public boolean tryAcquire() throws IOException {
            if (!permit.tryAcquire()) {
                return false;
            }
            try {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock l = ch.tryLock();
                if (l == null) {
                    ch.close();
                    permit.release();
                    return false;
                }
                channel = ch;
                lock = l;
                return true;
            } catch (IOException | RuntimeException e) {
                permit.release();
                throw e;
            }
        }

        @Override
        public void close() {
            if (lock == null) {
                return;
            }
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // the OS drops the lock with the channel
            } finally {
                lock = null;
                permit.release();
            }
        }
    }

    /** Databases without a session lock: Liquibase's DATABASECHANGELOGLOCK alone. */
    record NoLock(Connection connection) implements MigrationLock {

        @Override
        public boolean tryAcquire() {
            return true;
        }

        @Override
        public void close() {
            if (connection != null) {
                closeQuietly(connection);
            }
        }
    }
}
