package dev.prismaspring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.query.PrismaConstraintViolationException;
import dev.prismaspring.query.PrismaException;
import dev.prismaspring.query.PrismaNotFoundException;
import dev.prismaspring.query.PrismaTimeoutException;
import dev.prismaspring.query.PrismaTransactionException;
import dev.prismaspring.query.PrismaValidationException;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client runtime on every database (one subclass per {@link DbKind}), on the blog fixture: database errors
 * translated to Prisma codes with model, fields and meta; interactive and sequential transactions (commit,
 * rollback, isolation, timeout, joining a Spring transaction); raw SQL value types; interceptors and query logging.
 * Constraint violations are produced with raw SQL (the write operations are another branch's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RuntimeSuite {

    abstract DbKind kind();

    /** A query answering the current transaction's isolation level, and the answer for Serializable. */
    abstract String isolationQuery();

    abstract String serializableAnswer();

    /** A statement that sleeps about 5 seconds, or null when the database has none. */
    abstract String sleepSql();

    /** DDL of a table {@code Typed(i, b, d, f, t, s, dt, j, by)} with Int, BigInt, Decimal, Float, Boolean, String,
     * DateTime, Json and Bytes columns as Prisma creates them. */
    abstract String typedTableDdl();

    TestDatabase db;
    CountingDataSource dataSource;
    Datamodel datamodel;
    PrismaClient prisma;
    SqlDialect dialect;

    /** Counts the connections taken. */
    static final class CountingDataSource extends DelegatingDataSource {
        final AtomicInteger connections = new AtomicInteger();

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            return super.getConnection();
        }
    }

    String provider() {
        return switch (kind()) {
            case POSTGRES -> "postgresql";
            case MYSQL -> "mysql";
            case SQLITE -> "sqlite";
        };
    }

    @BeforeAll
    void setUp() throws Exception {
        TestDatabases.Availability a = TestDatabases.availability(kind());
        Assumptions.assumeTrue(a.available(), () -> kind() + " not available: " + a.reason());
        db = TestDatabases.create(kind(), getClass().getSimpleName());
        ValidatedSchema v = SchemaValidator.validate(TestSchemas.blog(provider()));
        assertThat(v.isValid()).as(v.diagnostics().toString()).isTrue();
        datamodel = v.datamodel();
        db.execute(SqlSchemaCalculator.renderCreate(datamodel));
        db.execute(typedTableDdl());
        dialect = db.dialect();
        String url = kind() == DbKind.SQLITE ? db.jdbcUrl() + "?busy_timeout=300" : db.jdbcUrl();
        dataSource = new CountingDataSource(new DriverManagerDataSource(url));
        prisma = PrismaClient.create(datamodel, dataSource);
    }

    @AfterAll
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void clean() throws SQLException {
        try (Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            for (String t : List.of("_PostToTag", "Profile", "posts", "Tag", "User", "Typed")) {
                s.execute("DELETE FROM " + q(t));
            }
        }
    }

    String q(String identifier) {
        return dialect.quote(identifier);
    }

    String insertUser() {
        return "INSERT INTO " + q("User") + " (" + q("id") + ", " + q("email") + ", " + q("name") + ") VALUES (?, ?, ?)";
    }

    String insertPost() {
        return "INSERT INTO " + q("posts") + " (" + q("id") + ", " + q("title") + ", " + q("authorId") + ", "
                + q("updatedAt") + ") VALUES (?, ?, ?, ?)";
    }

    long count(String table) throws SQLException {
        try (Connection c = db.connect(); java.sql.Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM " + q(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static PrismaException prismaError(Throwable t) {
        assertThat(t).isInstanceOf(PrismaException.class).isInstanceOf(DataAccessException.class);
        return (PrismaException) t;
    }

    // ------------------------------------------------------------------------------------------ errors

    @Test
    void uniqueViolationIsP2002WithTheFields() {
        prisma.executeRaw(insertUser(), 1, "ada@example.com", "Ada");
        Throwable t = catchThrowable(() -> prisma.executeRaw(insertUser(), 2, "ada@example.com", "Ada 2"));
        PrismaException e = prismaError(t);
        assertThat(e).isInstanceOf(PrismaConstraintViolationException.class);
        assertThat(e.code()).isEqualTo("P2002");
        assertThat(e.meta()).containsEntry("modelName", "User").containsEntry("target", List.of("email"));
        assertThat(e.getMessage()).startsWith("Unique constraint failed on the fields: (`email`)").contains("`User`");
        assertThat(e.contains(DataIntegrityViolationException.class)).isTrue();
        assertThat(e.contains(org.springframework.dao.DuplicateKeyException.class)).isTrue();
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void primaryKeyViolationNamesTheIdField() {
        prisma.executeRaw(insertUser(), 1, "ada@example.com", "Ada");
        PrismaException e = prismaError(catchThrowable(() -> prisma.executeRaw(insertUser(), 1, "bob@example.com",
                "Bob")));
        assertThat(e.code()).isEqualTo("P2002");
        // MariaDB reports "for key 'PRIMARY'" without the table: the fields are then unknown to a raw query
        if (kind() != DbKind.MYSQL) {
            assertThat(e.meta()).containsEntry("modelName", "User").containsEntry("target", List.of("id"));
        }
    }

    @Test
    void uniqueViolationInsideAModelOperationKnowsTheModel() {
        // the model of the running operation names MariaDB's 'PRIMARY' key
        prisma.executeRaw(insertUser(), 1, "ada@example.com", "Ada");
        PrismaClient intercepting = PrismaClient.builder(datamodel, dataSource)
                .interceptor((ctx, chain) -> {
                    ctx.inTransaction();
                    prisma.executeRaw(insertUser(), 1, "again@example.com", "Again");
                    return chain.proceed();
                }).build();
        PrismaException e = prismaError(catchThrowable(() -> intercepting.model("User").findMany(null)));
        assertThat(e.code()).isEqualTo("P2002");
    }

    @Test
    void foreignKeyViolationIsP2003() {
        Throwable t = catchThrowable(() -> prisma.executeRaw(insertPost(), "p1", "Hello", 999, Instant.now()));
        PrismaException e = prismaError(t);
        assertThat(e).isInstanceOf(PrismaConstraintViolationException.class);
        assertThat(e.code()).isEqualTo("P2003");
        assertThat(e.getMessage()).startsWith("Foreign key constraint violated on");
        if (kind() == DbKind.SQLITE) {
            // SQLite does not say which foreign key failed
            assertThat(e.meta()).containsEntry("field_name", "foreign key");
        } else {
            assertThat(e.meta()).containsEntry("modelName", "Post").containsEntry("field_name", "authorId")
                    .containsEntry("constraint", "posts_authorId_fkey");
            assertThat(e.getMessage()).contains("(`authorId`)").contains("`Post`");
        }
        assertThat(e.contains(DataIntegrityViolationException.class)).isTrue();
    }

    @Test
    void foreignKeysAreEnforcedInsideTransactions() throws SQLException {
        // one connection, as a pool hands a thread its last one: set up before the transaction starts
        var single = new org.springframework.jdbc.datasource.SingleConnectionDataSource(db.jdbcUrl(), true);
        try {
            PrismaClient client = PrismaClient.create(datamodel, single);
            PrismaException e = prismaError(catchThrowable(() -> client.transaction(tx -> {
                tx.executeRaw(insertUser(), 1, "a@example.com", "A");
                return tx.executeRaw(insertPost(), "p1", "Hello", 999, Instant.now());
            })));
            assertThat(e.code()).isEqualTo("P2003");
            assertThat(count("User")).isZero();
        } finally {
            single.destroy();
        }
    }

    @Test
    void sqliteTransactionOnAConnectionWithoutForeignKeysIsReported() {
        Assumptions.assumeTrue(kind() == DbKind.SQLITE, "SQLite only");
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger jul = Logger.getLogger("dev.prismaspring.query.ConnectionSetup");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(handler);
        try {
            // a new connection per request: the transaction's connection is a fresh one
            PrismaClient client = PrismaClient.create(datamodel, new DriverManagerDataSource(db.jdbcUrl()));
            client.transaction(tx -> tx.queryRaw("SELECT 1"));
            client.transaction(tx -> tx.queryRaw("SELECT 1"));
            PrismaClient configured = PrismaClient.create(datamodel,
                    new DriverManagerDataSource(db.jdbcUrl() + "?foreign_keys=true"));
            configured.transaction(tx -> tx.queryRaw("SELECT 1"));
        } finally {
            jul.removeHandler(handler);
        }
        assertThat(warnings).singleElement().asString().startsWith("WARNING A transaction runs on a connection that "
                + "was not set up with 'PRAGMA foreign_keys = ON'").contains("?foreign_keys=true");
    }

    @Test
    void deletingAReferencedRecordIsP2003() {
        prisma.executeRaw(insertUser(), 1, "ada@example.com", "Ada");
        prisma.executeRaw(insertPost(), "p1", "Hello", 1, Instant.now());
        PrismaException e = prismaError(catchThrowable(() -> prisma.executeRaw("DELETE FROM " + q("User"))));
        assertThat(e.code()).isEqualTo("P2003");
    }

    @Test
    void nullInARequiredColumnIsP2011() {
        PrismaException e = prismaError(catchThrowable(() -> prisma.executeRaw(insertUser(), 1, null, "Ada")));
        assertThat(e).isInstanceOf(PrismaConstraintViolationException.class);
        assertThat(e.code()).isEqualTo("P2011");
        assertThat(e.meta()).containsEntry("modelName", "User").containsEntry("constraint", List.of("email"));
        assertThat(e.getMessage()).startsWith("Null constraint violation on the fields: (`email`)");
    }

    @Test
    void valueTooLongIsP2000() {
        Assumptions.assumeTrue(kind() != DbKind.SQLITE, "SQLite does not enforce column lengths");
        PrismaException e = prismaError(catchThrowable(() -> prisma.executeRaw(insertUser(), 1, "ada@example.com",
                "x".repeat(101))));
        assertThat(e).isInstanceOf(PrismaConstraintViolationException.class);
        assertThat(e.code()).isEqualTo("P2000");
        assertThat(e.getMessage()).startsWith("The provided value for the column is too long");
        // MariaDB names the column; PostgreSQL does not
        assertThat(e.meta()).containsEntry("column_name", kind() == DbKind.MYSQL ? "name" : "(not available)");
    }

    @Test
    void rawSyntaxErrorIsP2010WithTheDatabaseMessage() {
        PrismaException e = prismaError(catchThrowable(() -> prisma.queryRaw("SELEC 1")));
        assertThat(e.code()).isEqualTo("P2010");
        assertThat(e.getMessage()).startsWith("Raw query failed. Code: `");
        assertThat(e.meta()).containsKeys("code", "message");
        assertThat((String) e.meta().get("message")).containsIgnoringCase("syntax");
    }

    @Test
    void missingRecordIsP2025() {
        PrismaException e = prismaError(catchThrowable(() -> prisma.model("User")
                .findUniqueOrThrow("{\"where\": {\"id\": 42}}")));
        assertThat(e).isInstanceOf(PrismaNotFoundException.class);
        assertThat(e.code()).isEqualTo("P2025");
        assertThat(e.meta()).containsEntry("modelName", "User").containsKey("cause");
    }

    @Test
    void deadlockBetweenTwoTransactionsIsP2034ForOne() throws Exception {
        Assumptions.assumeTrue(kind() != DbKind.SQLITE, "SQLite has one writer: no deadlocks (busy is tested apart)");
        prisma.executeRaw(insertUser(), 1, "a@example.com", "A");
        prisma.executeRaw(insertUser(), 2, "b@example.com", "B");
        String update = "UPDATE " + q("User") + " SET " + q("name") + " = ? WHERE " + q("id") + " = ?";
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int[] order : new int[][] {{1, 2}, {2, 1}}) {
                futures.add(pool.submit(() -> prisma.transaction(TransactionOptions.DEFAULT
                        .withTimeout(Duration.ofSeconds(20)), tx -> {
                    tx.executeRaw(update, "x", order[0]);
                    try {
                        barrier.await(10, TimeUnit.SECONDS);
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                    tx.executeRaw(update, "y", order[1]);
                    return "done";
                })));
            }
            List<PrismaException> failures = new ArrayList<>();
            int successes = 0;
            for (Future<Object> f : futures) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                    successes++;
                } catch (java.util.concurrent.ExecutionException ex) {
                    failures.add(prismaError(ex.getCause()));
                }
            }
            assertThat(successes).isEqualTo(1);
            assertThat(failures).hasSize(1);
            PrismaException e = failures.get(0);
            assertThat(e).isInstanceOf(PrismaTransactionException.class);
            assertThat(e.code()).isEqualTo("P2034");
            assertThat(e.isTransient()).isTrue();
            assertThat(e.getMessage()).startsWith("Transaction failed due to a write conflict or a deadlock");
            assertThat(e.contains(ConcurrencyFailureException.class)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentUpdateUnderRepeatableReadIsP2034() throws Exception {
        Assumptions.assumeTrue(kind() == DbKind.POSTGRES, "PostgreSQL refuses the update; MariaDB 10.11 (without "
                + "innodb_snapshot_isolation) and SQLite (one writer) do not");
        prisma.executeRaw(insertUser(), 1, "a@example.com", "A");
        String update = "UPDATE " + q("User") + " SET " + q("name") + " = ? WHERE " + q("id") + " = 1";
        PrismaException e = prismaError(catchThrowable(() -> prisma.transaction(
                TransactionOptions.DEFAULT.withIsolationLevel(IsolationLevel.RepeatableRead), tx -> {
                    tx.queryRaw("SELECT * FROM " + q("User")); // takes the snapshot
                    try (Connection other = db.connect(); java.sql.Statement s = other.createStatement()) {
                        s.execute("UPDATE " + q("User") + " SET " + q("name") + " = 'other' WHERE " + q("id") + " = 1");
                    } catch (SQLException ex) {
                        throw new IllegalStateException(ex);
                    }
                    return tx.executeRaw(update, "mine");
                })));
        assertThat(e.code()).isEqualTo("P2034");
        assertThat(e.meta()).containsEntry("code", "40001");
        assertThat(e.isTransient()).isTrue();
        assertThat(prisma.queryRaw("SELECT " + q("name") + " FROM " + q("User")).get(0)).containsEntry("name", "other");
    }

    @Test
    void startingLaterThanMaxWaitIsP2028AndTheWorkDoesNotRun() {
        DataSource slow = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                sleep(400);
                return super.getConnection();
            }
        };
        PrismaClient client = PrismaClient.create(datamodel, slow);
        AtomicInteger ran = new AtomicInteger();
        PrismaException e = prismaError(catchThrowable(() -> client.transaction(
                TransactionOptions.DEFAULT.withMaxWait(Duration.ofMillis(100)), tx -> ran.incrementAndGet())));
        assertThat(e).isInstanceOf(PrismaTransactionException.class);
        assertThat(e.code()).isEqualTo("P2028");
        assertThat(e.meta()).containsEntry("reason", "maxWait");
        assertThat(e.getMessage()).startsWith("Transaction API error: Unable to start a transaction in the given time.");
        assertThat(ran).hasValue(0);
        Integer second = client.transaction(TransactionOptions.DEFAULT.withMaxWait(Duration.ofSeconds(5)),
                tx -> ran.incrementAndGet());
        assertThat(second).isEqualTo(1);
    }

    @Test
    void sqliteBusyIsP1008() throws Exception {
        Assumptions.assumeTrue(kind() == DbKind.SQLITE, "SQLITE_BUSY only");
        try (Connection other = db.connect(); java.sql.Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO " + q("User") + " (" + q("id") + ", " + q("email") + ") VALUES (9, 'x@y')");
            PrismaException e = prismaError(catchThrowable(() -> prisma.executeRaw(insertUser(), 1, "a@b", "A")));
            assertThat(e).isInstanceOf(PrismaTimeoutException.class);
            assertThat(e.code()).isEqualTo("P1008");
            assertThat(e.isTransient()).isTrue();
            s.execute("ROLLBACK");
        }
    }

    // ------------------------------------------------------------------------------------------ transactions

    @Test
    void interactiveTransactionCommits() throws SQLException {
        Object result = prisma.transaction(tx -> {
            tx.executeRaw(insertUser(), 1, "a@example.com", "A");
            tx.executeRaw(insertUser(), 2, "b@example.com", "B");
            return tx.model("User").count(null);
        });
        assertThat(result).isEqualTo(2);
        assertThat(count("User")).isEqualTo(2);
    }

    @Test
    void failureInsideRollsBackEverything() throws SQLException {
        PrismaException e = prismaError(catchThrowable(() -> prisma.transaction(tx -> {
            tx.executeRaw(insertUser(), 1, "a@example.com", "A");
            tx.executeRaw(insertUser(), 2, "b@example.com", "B");
            return tx.executeRaw(insertUser(), 3, "a@example.com", "duplicate");
        })));
        assertThat(e.code()).isEqualTo("P2002");
        assertThat(count("User")).isZero();

        assertThatThrownBy(() -> prisma.transaction(tx -> {
            tx.executeRaw(insertUser(), 1, "a@example.com", "A");
            throw new IllegalStateException("application failure");
        })).isInstanceOf(IllegalStateException.class).hasMessage("application failure");
        assertThat(count("User")).isZero();
    }

    @Test
    void isolationLevelIsApplied() {
        Object level = prisma.transaction(TransactionOptions.DEFAULT.withIsolationLevel(IsolationLevel.Serializable),
                tx -> tx.queryRaw(isolationQuery()).get(0).values().iterator().next());
        assertThat(String.valueOf(level)).isEqualToIgnoringCase(serializableAnswer());
        if (kind() != DbKind.SQLITE) {
            Object rr = prisma.transaction(TransactionOptions.DEFAULT.withIsolationLevel(IsolationLevel.RepeatableRead),
                    tx -> tx.queryRaw(isolationQuery()).get(0).values().iterator().next());
            assertThat(String.valueOf(rr).replace('-', ' ')).isEqualToIgnoringCase("repeatable read");
        }
    }

    @Test
    void unsupportedIsolationLevelFailsBeforeAnythingRuns() {
        int before = dataSource.connections.get();
        PrismaException e = prismaError(catchThrowable(() -> prisma.transaction(
                TransactionOptions.DEFAULT.withIsolationLevel(IsolationLevel.Snapshot), tx -> 1)));
        assertThat(e.code()).isEqualTo("P2028");
        assertThat(e.getMessage()).contains("Snapshot").contains("Serializable");
        assertThat(dataSource.connections.get()).isEqualTo(before);
        if (kind() == DbKind.SQLITE) {
            PrismaException rc = prismaError(catchThrowable(() -> prisma.transaction(
                    TransactionOptions.DEFAULT.withIsolationLevel(IsolationLevel.ReadCommitted), tx -> 1)));
            assertThat(rc.getMessage()).contains("ReadCommitted is not supported by sqlite. Use one of: Serializable");
        }
    }

    @Test
    void transactionOutlivingItsTimeoutIsP2028AndRolledBack() throws SQLException {
        PrismaException e = prismaError(catchThrowable(() -> prisma.transaction(
                TransactionOptions.DEFAULT.withTimeout(Duration.ofMillis(300)), tx -> {
                    tx.executeRaw(insertUser(), 1, "a@example.com", "A");
                    sleep(500);
                    return null;
                })));
        assertThat(e).isInstanceOf(PrismaTransactionException.class);
        assertThat(e.code()).isEqualTo("P2028");
        assertThat(e.meta()).containsEntry("reason", "timeout").containsEntry("timeout", 300L);
        assertThat(e.getMessage()).contains("expired transaction").contains("300 ms");
        assertThat(count("User")).isZero();

        // the next statement after the deadline is refused
        PrismaException next = prismaError(catchThrowable(() -> prisma.transaction(
                TransactionOptions.DEFAULT.withTimeout(Duration.ofMillis(300)), tx -> {
                    tx.executeRaw(insertUser(), 1, "a@example.com", "A");
                    sleep(500);
                    return tx.executeRaw(insertUser(), 2, "b@example.com", "B");
                })));
        assertThat(next.code()).isEqualTo("P2028");
        assertThat(count("User")).isZero();
    }

    @Test
    void longStatementIsCancelledAtTheTransactionDeadline() throws SQLException {
        Assumptions.assumeTrue(sleepSql() != null, "no sleep function on " + kind());
        long start = System.nanoTime();
        PrismaException e = prismaError(catchThrowable(() -> prisma.transaction(
                TransactionOptions.DEFAULT.withTimeout(Duration.ofMillis(800)), tx -> {
                    tx.executeRaw(insertUser(), 1, "a@example.com", "A");
                    return tx.queryRaw(sleepSql());
                })));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(e.code()).isEqualTo("P2028");
        assertThat(ms).as("cancelled at the deadline (rounded up to a second), not after 5 s").isLessThan(4000);
        assertThat(count("User")).isZero();
    }

    @Test
    void sequentialTransactionReturnsResultsInOrder() {
        prisma.executeRaw(insertUser(), 1, "a@example.com", "A");
        List<Object> results = prisma.transaction(List.of(
                PrismaOperation.of("User", "count", null),
                PrismaOperation.of("user", "findUnique", "{\"where\": {\"id\": 1}, \"select\": {\"email\": true}}")));
        assertThat(results).containsExactly(1, Map.of("email", "a@example.com"));
    }

    @Test
    void sequentialTransactionIsAtomic() throws SQLException {
        // an interceptor writes during the first operation; the second fails: the write is rolled back
        List<Boolean> inTransaction = new CopyOnWriteArrayList<>();
        PrismaClient writing = PrismaClient.builder(datamodel, dataSource).interceptor((ctx, chain) -> {
            inTransaction.add(ctx.inTransaction());
            if (ctx.operation().equals("count")) {
                prisma.executeRaw(insertUser(), 7, "side@example.com", "Side");
            }
            return chain.proceed();
        }).build();
        PrismaException e = prismaError(catchThrowable(() -> writing.transaction(List.of(
                PrismaOperation.of("User", "count", null),
                PrismaOperation.of("User", "findUniqueOrThrow", "{\"where\": {\"id\": 99}}")))));
        assertThat(e.code()).isEqualTo("P2025");
        assertThat(inTransaction).containsExactly(true, true);
        assertThat(count("User")).isZero();
    }

    @Test
    void sequentialTransactionValidatesEveryOperationFirst() {
        int before = dataSource.connections.get();
        Throwable t = catchThrowable(() -> prisma.transaction(List.of(
                PrismaOperation.of("User", "count", null),
                PrismaOperation.of("User", "findMany", "{\"where\": {\"emial\": \"x\"}}"))));
        assertThat(t).isInstanceOf(PrismaValidationException.class).hasMessageContaining("Did you mean 'email'?");
        assertThat(dataSource.connections.get()).isEqualTo(before);
    }

    @Test
    void joinsAnOuterSpringTransaction() throws SQLException {
        TransactionTemplate outer = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        int before = dataSource.connections.get();
        outer.executeWithoutResult(status -> {
            prisma.transaction(tx -> tx.executeRaw(insertUser(), 1, "a@example.com", "A"));
            prisma.transaction(List.of(PrismaOperation.of("User", "count", null)));
            prisma.executeRaw(insertUser(), 2, "b@example.com", "B");
            assertThat(prisma.model("User").count(null)).isEqualTo(2);
            status.setRollbackOnly();
        });
        assertThat(dataSource.connections.get() - before).as("one connection for everything").isEqualTo(1);
        assertThat(count("User")).as("the outer rollback undid the inner work").isZero();

        // a client built with the application's transaction manager joins the same way
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        PrismaClient managed = PrismaClient.builder(datamodel, dataSource).transactionManager(manager).build();
        new TransactionTemplate(manager).executeWithoutResult(status -> {
            managed.transaction(tx -> tx.executeRaw(insertUser(), 3, "c@example.com", "C"));
            status.setRollbackOnly();
        });
        assertThat(count("User")).isZero();
    }

    // ------------------------------------------------------------------------------------------ raw SQL

    @Test
    void rawValuesHaveModelTypes() {
        Instant when = Instant.parse("2026-01-01T10:00:00.123Z");
        JsonNode json = JsonMapper.builder().build().readTree("{\"a\":[1,2],\"b\":\"x\"}");
        int n = prisma.executeRaw("INSERT INTO " + q("Typed") + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                7, 9007199254740993L, new BigDecimal("10.25"), 1.5, true, "text", when, json, new byte[] {1, 2, 3});
        assertThat(n).isEqualTo(1);
        List<Map<String, Object>> rows = prisma.queryRaw("SELECT * FROM " + q("Typed") + " WHERE " + q("i") + " = ?", 7);
        assertThat(rows).hasSize(1);
        Map<String, Object> r = rows.get(0);
        assertThat(r.keySet()).containsExactly("i", "b", "d", "f", "t", "s", "dt", "j", "by");
        assertThat(r.get("i")).isEqualTo(7);
        assertThat(r.get("b")).isEqualTo(9007199254740993L);
        assertThat(r.get("d")).isEqualTo(new BigDecimal("10.25"));
        assertThat(r.get("f")).isEqualTo(1.5);
        assertThat(r.get("t")).isEqualTo(true);
        assertThat(r.get("s")).isEqualTo("text");
        assertThat(r.get("dt")).isEqualTo(when);
        assertThat(r.get("j")).isEqualTo(json);
        assertThat((byte[]) r.get("by")).containsExactly(1, 2, 3);
        assertThat(prisma.queryRaw("SELECT * FROM " + q("Typed") + " WHERE " + q("s") + " = ?",
                "x'); DROP TABLE " + q("Typed") + "; --")).isEmpty();
    }

    @Test
    void rawCountsAndNulls() {
        prisma.executeRaw(insertUser(), 1, "a@example.com", null);
        prisma.executeRaw(insertUser(), 2, "b@example.com", "B");
        assertThat(prisma.executeRaw("UPDATE " + q("User") + " SET " + q("name") + " = ? WHERE " + q("id") + " > ?",
                "Z", 0)).isEqualTo(2);
        List<Map<String, Object>> rows = prisma.queryRaw("SELECT " + q("id") + ", " + q("name") + ", "
                + q("createdAt") + " FROM " + q("User") + " ORDER BY " + q("id"));
        assertThat(rows).extracting(m -> m.get("id")).containsExactly(1, 2);
        assertThat(rows.get(0).get("createdAt")).isInstanceOf(Instant.class);
        assertThat(rows.get(0)).containsEntry("name", "Z");
        Map<String, Object> agg = prisma.queryRaw("SELECT COUNT(*) AS n, MAX(" + q("email") + ") AS m FROM "
                + q("User")).get(0);
        assertThat(agg).containsEntry("n", 2L).containsEntry("m", "b@example.com");
        prisma.executeRaw("UPDATE " + q("User") + " SET " + q("name") + " = ?", (Object) null);
        assertThat(prisma.queryRaw("SELECT " + q("name") + " FROM " + q("User"))).allSatisfy(r ->
                assertThat(r).containsEntry("name", null));
    }

    // ------------------------------------------------------------------------------------------ interceptors

    @Test
    void interceptorSeesOperationStatementsDurationAndOutcome() {
        prisma.executeRaw(insertUser(), 1, "a@example.com", "A");
        List<OperationContext> seen = new CopyOnWriteArrayList<>();
        List<OperationContext.Outcome> outcomesAfterProceed = new CopyOnWriteArrayList<>();
        PrismaClient client = PrismaClient.builder(datamodel, dataSource).interceptor((ctx, chain) -> {
            seen.add(ctx);
            try {
                return chain.proceed();
            } finally {
                outcomesAfterProceed.add(ctx.outcome());
            }
        }).build();
        client.model("user").findMany("{\"where\": {\"email\": \"a@example.com\"}, \"include\": {\"posts\": true}}");
        catchThrowable(() -> client.model("User").findUniqueOrThrow("{\"where\": {\"id\": 99}}"));
        catchThrowable(() -> client.model("User").findMany("{\"where\": {\"emial\": 1}}"));
        client.queryRaw("SELECT " + q("email") + " FROM " + q("User") + " WHERE " + q("id") + " = ?", 1);

        assertThat(seen).extracting(OperationContext::name)
                .containsExactly("User.findMany", "User.findUniqueOrThrow", "User.findMany", "$queryRaw");
        OperationContext read = seen.get(0);
        assertThat(read.outcome()).isEqualTo(OperationContext.Outcome.SUCCESS);
        assertThat(read.statements()).hasSize(2);
        assertThat(read.statements().get(0).sql()).contains(q("User"));
        assertThat(read.statements().get(0).params()).contains("a@example.com");
        assertThat(read.statements().get(1).sql()).contains(q("posts"));
        assertThat(read.duration()).isPositive();
        assertThat((List<?>) read.result()).hasSize(1);
        assertThat(seen.get(1).outcome()).isEqualTo(OperationContext.Outcome.ERROR);
        assertThat(seen.get(1).errorCode()).isEqualTo("P2025");
        assertThat(seen.get(2).errorCode()).isEqualTo("P2009");
        assertThat(seen.get(2).statements()).isEmpty();
        assertThat(seen.get(3).model()).isNull();
        assertThat(seen.get(3).args()).isEqualTo(new RawQuery(
                "SELECT " + q("email") + " FROM " + q("User") + " WHERE " + q("id") + " = ?", List.of(1)));
        assertThat(seen.get(3).statements()).extracting(ExecutedStatement::params).containsExactly(List.of(1));
        assertThat(outcomesAfterProceed).containsExactly(OperationContext.Outcome.SUCCESS,
                OperationContext.Outcome.ERROR, OperationContext.Outcome.ERROR, OperationContext.Outcome.SUCCESS);
    }

    @Test
    void interceptorsChainInOrderCanShortCircuitAndChangeArguments() {
        prisma.executeRaw(insertUser(), 1, "a@example.com", "A");
        prisma.executeRaw(insertUser(), 2, "b@example.com", "B");
        List<String> order = new CopyOnWriteArrayList<>();
        List<String> sql = new CopyOnWriteArrayList<>();
        PrismaClient client = PrismaClient.builder(datamodel, dataSource)
                .statementListener((s, p) -> sql.add(s))
                .interceptor((ctx, chain) -> {
                    order.add("outer");
                    if (ctx.operation().equals("count")) {
                        return 42; // short-circuit: a cached answer
                    }
                    return chain.proceed();
                })
                .interceptor((ctx, chain) -> {
                    order.add("inner");
                    ctx.args(Map.of("where", Map.of("id", 2), "select", Map.of("email", true)));
                    return chain.proceed();
                }).build();
        assertThat(client.model("User").count(null)).isEqualTo(42);
        assertThat(sql).isEmpty();
        assertThat(client.model("User").findMany(null)).containsExactly(Map.of("email", "b@example.com"));
        assertThat(order).containsExactly("outer", "outer", "inner");
    }

    @Test
    void logQueriesLogsEachStatement() {
        prisma.executeRaw(insertUser(), 1, "a@example.com", "A");
        List<String> lines = new CopyOnWriteArrayList<>();
        Logger jul = Logger.getLogger(QueryLoggingInterceptor.LOGGER_NAME);
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(handler);
        try {
            PrismaClient client = PrismaClient.builder(datamodel, dataSource).logQueries(true).build();
            client.model("User").findMany("{\"where\": {\"id\": 1}}");
            catchThrowable(() -> client.executeRaw(insertUser(), 1, "a@example.com", "A"));
        } finally {
            jul.removeHandler(handler);
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("INFO prisma:query User\\.findMany \\d+\\.\\d\\d ms SELECT .*FROM "
                + java.util.regex.Pattern.quote(q("User")) + ".*");
        assertThat(lines.get(0)).doesNotContain("params");
        assertThat(lines.get(1)).startsWith("INFO prisma:query $executeRaw ").contains("INSERT INTO");
        assertThat(lines.get(2)).startsWith("INFO prisma:error $executeRaw ").contains("P2002");

        List<String> withParams = new ArrayList<>();
        PrismaClient client = PrismaClient.builder(datamodel, dataSource)
                .interceptor(new QueryLoggingInterceptor(withParams::add, true)).build();
        client.model("User").findMany("{\"where\": {\"email\": \"a@example.com\"}}");
        assertThat(withParams).singleElement().asString().endsWith("-- params [a@example.com]");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
