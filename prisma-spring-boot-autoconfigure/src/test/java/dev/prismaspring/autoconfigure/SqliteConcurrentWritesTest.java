package dev.prismaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The SQLite settings docs/configuration.md recommends for concurrent writes ({@code busy_timeout},
 * {@code transaction_mode=IMMEDIATE}, WAL, a pool of several connections): transactions that read and then write
 * from several threads at once all commit.
 */
class SqliteConcurrentWritesTest {

    static final String OPTIONS = "?foreign_keys=true&busy_timeout=10000&transaction_mode=IMMEDIATE&journal_mode=WAL";

    static final int THREADS = 4;

    static final int TRANSACTIONS_PER_THREAD = 15;

    @TempDir
    Path dir;

    @Test
    void readThenWriteTransactionsFromSeveralThreadsAllCommit() {
        try (TestDatabase db = TestDatabases.create(DbKind.SQLITE, getClass().getSimpleName())) {
            Path schema = Schemas.write(dir.resolve("schema.prisma"), Schemas.blog(DbKind.SQLITE));
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                            LiquibaseAutoConfiguration.class, PrismaAutoConfiguration.class))
                    .withPropertyValues("spring.datasource.url=" + db.jdbcUrl() + OPTIONS,
                            "spring.datasource.hikari.maximum-pool-size=" + THREADS,
                            "prisma.schema-location=file:" + schema, "prisma.migrate.mode=push")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        PrismaClient prisma = context.getBean(PrismaClient.class);
                        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                        try {
                            List<Future<Integer>> done = new ArrayList<>();
                            for (int t = 0; t < THREADS; t++) {
                                int thread = t;
                                done.add(pool.submit((Callable<Integer>) () -> writeSeveral(prisma, thread)));
                            }
                            for (Future<Integer> f : done) {
                                assertThat(f.get()).isEqualTo(TRANSACTIONS_PER_THREAD);
                            }
                        } finally {
                            pool.shutdownNow();
                        }
                        assertThat(prisma.model("User").count(null)).isEqualTo(THREADS * TRANSACTIONS_PER_THREAD);
                    });
        }
    }

    /** Interactive transactions that read (a shared lock in SQLite's default mode) before they write. */
    private static int writeSeveral(PrismaClient prisma, int thread) {
        int committed = 0;
        for (int i = 0; i < TRANSACTIONS_PER_THREAD; i++) {
            int n = i;
            prisma.transaction(tx -> {
                Object before = tx.model("User").count(null);
                return tx.model("User").create(Map.of("data", Map.of("email", thread + "-" + n + "@example.com",
                        "name", "seen " + before)));
            });
            committed++;
        }
        return committed;
    }
}
