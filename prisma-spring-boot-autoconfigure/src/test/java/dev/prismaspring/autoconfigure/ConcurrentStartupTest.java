package dev.prismaspring.autoconfigure;

import static dev.prismaspring.autoconfigure.PrismaMigrateModesTest.columns;
import static dev.prismaspring.autoconfigure.PrismaMigrateModesTest.historyRows;
import static dev.prismaspring.autoconfigure.PrismaMigrateModesTest.tables;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Many application instances starting at once on one empty database (each its own context and Hikari pool): all
 * start, each migration is applied exactly once; an instance that finds the migration lock held waits, and proceeds
 * within seconds once the holder's session is killed.
 */
class ConcurrentStartupTest {

    private static final int INSTANCES = 8;

    @TempDir
    Path dir;

    private ApplicationContextRunner runner(TestDatabase db, String mode) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        LiquibaseAutoConfiguration.class, PrismaAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(),
                        "spring.datasource.hikari.maximum-pool-size=3",
                        "prisma.schema-location=file:" + dir.resolve("schema.prisma"),
                        "prisma.migrate.location=file:" + dir.resolve("migrations"),
                        "prisma.migrate.dev-output-dir=" + dir.resolve("migrations"),
                        "prisma.migrate.mode=" + mode);
    }

    /** Two migrations in {@code dir/migrations}, written by dev mode on a scratch database. */
    private void writeMigrations(DbKind kind) {
        try (TestDatabase scratch = TestDatabases.create(kind, "conc_scratch")) {
            Schemas.write(dir.resolve("schema.prisma"), Schemas.blog(kind));
            runner(scratch, "dev").run(context -> assertThat(context).hasNotFailed());
            Schemas.write(dir.resolve("schema.prisma"), Schemas.blog(kind, "  phone String?\n"));
            runner(scratch, "dev").run(context -> assertThat(context).hasNotFailed());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void eightInstancesStartAtOnceAndApplyEachMigrationOnce(DbKind kind) throws Exception {
        writeMigrations(kind);
        try (TestDatabase db = TestDatabases.create(kind, "conc_start")) {
            ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> users = new ArrayList<>();
            try {
                for (int i = 0; i < INSTANCES; i++) {
                    users.add(pool.submit(() -> {
                        start.await();
                        long[] count = new long[1];
                        runner(db, "deploy").run(context -> {
                            assertThat(context).hasNotFailed();
                            count[0] = ((Number) context.getBean(PrismaClient.class).model("User").count(Map.of())).longValue();
                        });
                        return count[0];
                    }));
                }
                start.countDown();
                for (Future<Long> f : users) {
                    assertThat(f.get(180, TimeUnit.SECONDS)).isZero();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(historyRows(db)).isEqualTo(2);
            assertThat(distinctIds(db)).isEqualTo(2);
            assertThat(tables(db)).contains("Post", "User");
            assertThat(columns(db, "User")).contains("phone");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MYSQL"})
    void anInstanceWaitsForTheLockHolderAndProceedsWhenItIsKilled(DbKind kind) throws Exception {
        writeMigrations(kind);
        try (TestDatabase db = TestDatabases.create(kind, "conc_kill"); Connection holder = db.connect()) {
            long session;
            try (Statement s = holder.createStatement()) {
                // the lock an instance in the middle of its migrations holds
                if (kind == DbKind.POSTGRES) {
                    s.execute("SELECT pg_advisory_lock(" + 0x7072_6973_6d61_6d67L + ")");
                    session = single(s, "SELECT pg_backend_pid()");
                } else {
                    s.execute("SELECT GET_LOCK('prisma_migrate:" + holder.getCatalog() + "', 0)");
                    session = single(s, "SELECT CONNECTION_ID()");
                }
            }
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<?> instance = pool.submit(() -> runner(db, "deploy")
                        .run(context -> assertThat(context).hasNotFailed()));
                Thread.sleep(3000);
                assertThat(instance).as("the instance waits for the lock").isNotDone();
                assertThat(historyRows(db)).isLessThanOrEqualTo(0);
                long killedAt = System.nanoTime();
                try (Connection killer = db.connect(); Statement s = killer.createStatement()) {
                    s.execute(kind == DbKind.POSTGRES ? "SELECT pg_terminate_backend(" + session + ")"
                            : "KILL " + session);
                }
                instance.get(60, TimeUnit.SECONDS);
                assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt))
                        .as("seconds from the kill to the started instance").isLessThan(30);
            } finally {
                pool.shutdownNow();
            }
            assertThat(historyRows(db)).isEqualTo(2);
            assertThat(columns(db, "User")).contains("phone");
        }
    }

    private static int distinctIds(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            return (int) single(s, "SELECT COUNT(DISTINCT ID) FROM DATABASECHANGELOG");
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
