package dev.prismaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.client.TransactionOptions;
import dev.prismaspring.query.PrismaException;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What the application sees when the database misbehaves, on PostgreSQL, MariaDB and SQLite: the database down at
 * startup (a failure analysis naming the URL without password), the connection lost in the middle of a transaction
 * (P1017, rolled back, the pool recovers), an exhausted pool (P2024 with the pool's facts), statement timeouts
 * (P1008) and transaction timeouts (P2028).
 */
class DatabaseFaultsTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner(String url, DbKind kind, String... properties) {
        Schemas.write(dir.resolve("schema.prisma"), Schemas.blog(kind));
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        LiquibaseAutoConfiguration.class, PrismaAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url,
                        "spring.datasource.hikari.pool-name=faults-pool",
                        "spring.datasource.hikari.maximum-pool-size=2",
                        "spring.datasource.hikari.connection-timeout=1000",
                        "prisma.schema-location=file:" + dir.resolve("schema.prisma"),
                        "prisma.migrate.mode=push")
                .withPropertyValues(properties);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void databaseDownAtStartupIsAClearFailureAnalysis(DbKind kind) throws Exception {
        int port = closedPort();
        String url = switch (kind) {
            case POSTGRES -> "jdbc:postgresql://127.0.0.1:" + port + "/app?user=app&password=s3cret";
            case MYSQL -> "jdbc:mariadb://127.0.0.1:" + port + "/app?user=app&password=s3cret";
            case SQLITE -> "jdbc:sqlite:" + dir.resolve("no/such/folder/app.db");
        };
        runner(url, kind, "spring.datasource.hikari.initialization-fail-timeout=1").run(context -> {
            FailureAnalysis analysis = PrismaAutoConfigurationTest.analysis(context);
            String redacted = url.replace("s3cret", "***");
            assertThat(analysis.getDescription()).startsWith("Prisma could not connect to the database at "
                    + redacted + " (spring.datasource.url): ").doesNotContain("s3cret").doesNotContain("\tat ");
            assertThat(analysis.getDescription().lines().count()).isLessThanOrEqualTo(3);
            assertThat(analysis.getAction()).contains("running").contains("spring.datasource.url");
        });
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MYSQL"})
    void connectionLostMidTransactionRollsBackAndThePoolRecovers(DbKind kind) {
        try (TestDatabase db = TestDatabases.create(kind, "fault_lost")) {
            runner(db.jdbcUrl(), kind).run(context -> {
                assertThat(context).hasNotFailed();
                PrismaClient prisma = context.getBean(PrismaClient.class);
                PrismaException e = catchThrowableOfType(PrismaException.class, () -> prisma.transaction(
                        TransactionOptions.DEFAULT.withTimeout(Duration.ofSeconds(30)), tx -> {
                            tx.model("User").create(Map.of("data", Map.of("email", "ada@example.com")));
                            Object session = tx.queryRaw(kind == DbKind.POSTGRES ? "SELECT pg_backend_pid() AS s"
                                    : "SELECT CONNECTION_ID() AS s").get(0).get("s");
                            try (Connection killer = db.connect(); Statement s = killer.createStatement()) {
                                s.execute(kind == DbKind.POSTGRES ? "SELECT pg_terminate_backend(" + session + ")"
                                        : "KILL " + session);
                            } catch (java.sql.SQLException ex) {
                                throw new IllegalStateException(ex);
                            }
                            return tx.model("User").create(Map.of("data", Map.of("email", "bob@example.com")));
                        }));
                assertThat(e).as("the error of the lost connection").isNotNull();
                assertThat(e.code()).isEqualTo("P1017");
                assertThat(e.getMessage()).startsWith("Server has closed the connection.");
                // rolled back (the server dropped the open transaction) and the pool serves again
                assertThat(((Number) prisma.model("User").count(Map.of())).intValue()).isZero();
                for (int i = 0; i < 4; i++) {
                    prisma.model("User").create(Map.of("data", Map.of("email", "u" + i + "@example.com")));
                }
                assertThat(((Number) prisma.model("User").count(Map.of())).intValue()).isEqualTo(4);
                assertThat(context.getBean(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections())
                        .isZero();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void exhaustedPoolIsP2024WithThePoolFacts(DbKind kind) {
        try (TestDatabase db = TestDatabases.create(kind, "fault_pool")) {
            runner(db.jdbcUrl(), kind).run(context -> {
                assertThat(context).hasNotFailed();
                PrismaClient prisma = context.getBean(PrismaClient.class);
                HikariDataSource pool = context.getBean(HikariDataSource.class);
                try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
                    PrismaException e = catchThrowableOfType(PrismaException.class,
                            () -> prisma.model("User").findMany(Map.of()));
                    assertThat(e.code()).isEqualTo("P2024");
                    assertThat(e.getMessage()).startsWith("Timed out fetching a new connection from the connection "
                            + "pool. (Current connection pool timeout: 1000 ms, connection limit: 2, pool: "
                            + "faults-pool)");
                    assertThat(e.meta()).containsEntry("connection_limit", 2).containsEntry("timeout", 1000L)
                            .containsEntry("pool_name", "faults-pool");
                    assertThat(e.isTransient()).isTrue();
                }
                assertThat(prisma.model("User").findMany(Map.of())).isEmpty();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MYSQL"})
    void statementTimeoutIsP1008AndTransactionTimeoutP2028(DbKind kind) {
        try (TestDatabase db = TestDatabases.create(kind, "fault_timeout")) {
            String sleep = kind == DbKind.POSTGRES ? "SELECT pg_sleep(5)" : "SELECT SLEEP(5)";
            String limit = kind == DbKind.POSTGRES ? "SET statement_timeout = 1000"
                    : "SET SESSION max_statement_time = 1";
            runner(db.jdbcUrl(), kind, "spring.datasource.hikari.connection-init-sql=" + limit).run(context -> {
                assertThat(context).hasNotFailed();
                PrismaClient prisma = context.getBean(PrismaClient.class);
                long start = System.nanoTime();
                PrismaException e = catchThrowableOfType(PrismaException.class, () -> prisma.queryRaw(sleep));
                assertThat(e).as("the statement cut by the server's statement timeout").isNotNull();
                assertThat(e.code()).isEqualTo("P1008");
                assertThat(e.isTransient()).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            });
            runner(db.jdbcUrl(), kind).run(context -> {
                PrismaClient prisma = context.getBean(PrismaClient.class);
                long start = System.nanoTime();
                PrismaException e = catchThrowableOfType(PrismaException.class, () -> prisma.transaction(
                        TransactionOptions.DEFAULT.withTimeout(Duration.ofSeconds(1)), tx -> {
                            tx.model("User").create(Map.of("data", Map.of("email", "ada@example.com")));
                            return tx.queryRaw(sleep);
                        }));
                assertThat(e.code()).isEqualTo("P2028");
                assertThat(e.meta()).containsEntry("reason", "timeout");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
                assertThat(((Number) prisma.model("User").count(Map.of())).intValue()).isZero();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = "SQLITE")
    void sqliteBusyIsP1008(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "fault_busy")) {
            runner(db.jdbcUrl() + "?busy_timeout=500", kind).run(context -> {
                assertThat(context).hasNotFailed();
                PrismaClient prisma = context.getBean(PrismaClient.class);
                try (Connection writer = db.connect(); Statement s = writer.createStatement()) {
                    s.execute("BEGIN IMMEDIATE");
                    PrismaException e = catchThrowableOfType(PrismaException.class, () -> prisma.model("User")
                            .create(Map.of("data", Map.of("email", "ada@example.com"))));
                    assertThat(e.code()).isEqualTo("P1008");
                    s.execute("ROLLBACK");
                }
                prisma.model("User").create(Map.of("data", Map.of("email", "ada@example.com")));
                assertThat(prisma.model("User").findMany(Map.of())).hasSize(1);
            });
        }
    }

}
