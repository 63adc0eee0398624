package dev.prismaspring.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The migration lock: 8 runners deploying at once apply each migration once; a runner waits while the lock is held
 * from elsewhere and proceeds within seconds once the holder dies (its backend terminated, its connection killed,
 * its process killed), and a stale Liquibase DATABASECHANGELOGLOCK row does not block it.
 */
class MigrationLockTest {

    static Migration migration(String id, String sql) {
        return new Migration(id, "--liquibase formatted sql\n\n--changeset prisma:" + id + " logicalFilePath:prisma/"
                + "migrations/" + id + "/migration.sql\n" + sql + "\n", null, Path.of("classpath-migrations", id));
    }

    static final List<Migration> MIGRATIONS = List.of(
            migration("20260101000000_a", "CREATE TABLE a (id INTEGER NOT NULL PRIMARY KEY);"),
            migration("20260102000000_b", "CREATE TABLE b (id INTEGER NOT NULL PRIMARY KEY);"),
            migration("20260103000000_c", "ALTER TABLE a ADD COLUMN c INTEGER;"));

    static int count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void eightConcurrentDeploysApplyEachMigrationOnce(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "lock8")) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> new LiquibaseMigrator(db::connect, db.toString(), () -> MIGRATIONS)
                            .deploy()));
                }
                List<String> appliedAll = new ArrayList<>();
                for (Future<List<String>> f : results) {
                    appliedAll.addAll(f.get(120, TimeUnit.SECONDS));
                }
                assertThat(appliedAll).containsExactlyInAnyOrder("20260101000000_a", "20260102000000_b",
                        "20260103000000_c");
            } finally {
                pool.shutdownNow();
            }
            assertThat(count(db, "SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo(3);
            assertThat(count(db, "SELECT COUNT(c) FROM a")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MYSQL"})
    void killingTheLockHolderLetsTheWaiterProceed(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "lockkill")) {
            Connection holder = db.connect();
            long holderSession;
            try (Statement s = holder.createStatement()) {
                if (kind == DbKind.POSTGRES) {
                    s.execute("SELECT pg_advisory_lock(" + MigrationLock.AdvisoryLock.KEY + ")");
                    holderSession = single(s, "SELECT pg_backend_pid()");
                } else {
                    s.execute("SELECT GET_LOCK('prisma_migrate:" + holder.getCatalog() + "', 0)");
                    holderSession = single(s, "SELECT CONNECTION_ID()");
                }
            }
            // a stale Liquibase table lock, as a killed Liquibase run leaves it
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE DATABASECHANGELOGLOCK (ID INT NOT NULL PRIMARY KEY, LOCKED BOOLEAN NOT NULL, "
                        + "LOCKGRANTED TIMESTAMP NULL, LOCKEDBY VARCHAR(255))");
                s.execute("INSERT INTO DATABASECHANGELOGLOCK VALUES (1, TRUE, CURRENT_TIMESTAMP, 'killed instance')");
            }
            waitThenKill(db, () -> {
                try (Connection killer = db.connect(); Statement s = killer.createStatement()) {
                    s.execute(kind == DbKind.POSTGRES ? "SELECT pg_terminate_backend(" + holderSession + ")"
                            : "KILL " + holderSession);
                }
                return null;
            });
            holder.close();
        }
    }

    @Test
    void killingTheProcessHoldingTheSqliteLockLetsTheWaiterProceed() throws Exception {
        try (TestDatabase db = TestDatabases.create(DbKind.SQLITE, "lockkill")) {
            Process holder;
            try {
                // a separate process holding the POSIX lock Java's FileChannel.lock uses (fcntl)
                holder = new ProcessBuilder("python3", "-c", "import fcntl,sys,time\nf=open(sys.argv[1],'w')\n"
                        + "fcntl.lockf(f, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(600)",
                        db.name() + ".migrate-lock").redirectErrorStream(true).start();
            } catch (java.io.IOException e) {
                Assumptions.abort("python3 is needed to hold the lock from another process: " + e.getMessage());
                return;
            }
            try {
                String line = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                        StandardCharsets.UTF_8)).readLine();
                assertThat(line).isEqualTo("locked");
                waitThenKill(db, () -> {
                    holder.destroyForcibly().waitFor();
                    return null;
                });
            } finally {
                holder.destroyForcibly();
            }
        }
    }

    /** Starts a deploy, checks it waits while the lock is held, kills the holder, checks it completes soon after. */
    private static void waitThenKill(TestDatabase db, Callable<Void> kill) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> deploy = pool.submit(() -> new LiquibaseMigrator(db::connect, db.toString(),
                    () -> MIGRATIONS).lockTimeout(Duration.ofSeconds(60)).deploy());
            Thread.sleep(2000);
            assertThat(deploy).as("the deploy waits for the lock").isNotDone();
            long killedAt = System.nanoTime();
            kill.call();
            assertThat(deploy.get(30, TimeUnit.SECONDS)).hasSize(3);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt);
            assertThat(seconds).as("seconds from the kill to the end of the deploy").isLessThan(30);
            assertThat(count(db, "SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
