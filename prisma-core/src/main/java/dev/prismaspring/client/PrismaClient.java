package dev.prismaspring.client;

import dev.prismaspring.query.ArgumentParser;
import dev.prismaspring.query.ConnectionSetup;
import dev.prismaspring.query.ErrorTranslator;
import dev.prismaspring.query.JdbcStatementRunner;
import dev.prismaspring.query.PrismaException;
import dev.prismaspring.query.QueryEngine;
import dev.prismaspring.query.QuerySchema;
import dev.prismaspring.query.RawSqlRunner;
import dev.prismaspring.query.RelationLoadStrategy;
import dev.prismaspring.query.StatementListener;
import dev.prismaspring.query.Transactions;
import dev.prismaspring.query.ValueCodec;
import dev.prismaspring.query.WriteEngine;
import dev.prismaspring.schema.Datamodel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Prisma client for one schema and one {@link DataSource}: {@code prisma.model("User").findMany(args)},
 * {@code prisma.transaction(tx -> ...)}, {@code prisma.queryRaw(sql, params...)}. Statements run through Spring's
 * {@code JdbcTemplate}, so they join a Spring-managed transaction when one is active; transactions the client
 * starts go through a {@link PlatformTransactionManager} (the application's, or a
 * {@link DataSourceTransactionManager} on the DataSource). Every operation passes the registered
 * {@link PrismaInterceptor}s. Every error is a {@link PrismaException} (a Spring {@code DataAccessException}).
 * Thread-safe; create one per application.
 */
public final class PrismaClient {

    private final QuerySchema schema;
    private final ArgumentParser parser;
    private final QueryEngine engine;
    private final RawSqlRunner raw;
    private final ErrorTranslator errors;
    private final WriteEngine writes;
    private final List<StatementListener> listeners;
    private final List<PrismaInterceptor> interceptors;
    private final RelationLoadStrategy defaultStrategy;
    private final Map<String, ModelDelegate> delegates = new ConcurrentHashMap<>();
    private final DataSource dataSource;
    private final PlatformTransactionManager transactionManager;
    private final Transactions transactions;
    private final ThreadLocal<OperationContext> current = new ThreadLocal<>();
    private final ConnectionSetup setup;

    private PrismaClient(Builder b) {
        this.schema = new QuerySchema(b.datamodel);
        this.parser = new ArgumentParser(schema);
        this.listeners = new CopyOnWriteArrayList<>(b.listeners);
        this.interceptors = List.copyOf(b.interceptors);
        this.defaultStrategy = b.relationLoadStrategy;
        this.dataSource = b.dataSource;
        this.transactionManager = b.transactionManager != null ? b.transactionManager
                : new DataSourceTransactionManager(b.dataSource);
        DataSource pooled = b.dataSource;
        this.errors = new ErrorTranslator(schema, () -> DataSourcePoolFacts.of(pooled));
        if (!interceptors.isEmpty()) {
            // the statements of the running operation, for interceptors
            listeners.add(0, (sql, params) -> {
                OperationContext ctx = current.get();
                if (ctx != null) {
                    ctx.record(new ExecutedStatement(sql, params));
                }
            });
        }
        ValueCodec codec = new ValueCodec(schema);
        this.setup = new ConnectionSetup(schema.dialect());
        JdbcStatementRunner runner = new JdbcStatementRunner(b.dataSource, codec, listeners, errors, setup);
        this.engine = new QueryEngine(schema, codec, runner, defaultStrategy, b.maxBindParameters);
        this.transactions = new Transactions(transactionManager, b.dataSource, setup);
        this.writes = new WriteEngine(schema, runner, engine, transactions, b.maxBindParameters);
        this.raw = new RawSqlRunner(b.dataSource, schema, listeners, errors, setup);
    }

    /** A client with the default ({@code query}) relation load strategy. */
    public static PrismaClient create(Datamodel datamodel, DataSource dataSource) {
        return builder(datamodel, dataSource).build();
    }

    public static Builder builder(Datamodel datamodel, DataSource dataSource) {
        return new Builder(datamodel, dataSource);
    }

    /** The delegate of a model, by schema name ({@code User}) or client name ({@code user}). */
    public ModelDelegate model(String name) {
        QuerySchema.ModelInfo m = schema.model(name);
        return delegates.computeIfAbsent(m.name(), n -> new ModelDelegate(m.name(), parser, engine, writes, this));
    }

    /** Adds a listener notified of every statement (SQL and bound values) before it runs. */
    public PrismaClient addStatementListener(StatementListener listener) {
        listeners.add(Objects.requireNonNull(listener));
        return this;
    }

    public void removeStatementListener(StatementListener listener) {
        listeners.remove(listener);
    }

    // ------------------------------------------------------------------------------------------ transactions

    /**
     * Runs {@code work} in one transaction with Prisma's default options ({@link TransactionOptions#DEFAULT}:
     * timeout 5 s, maxWait 2 s): committed when it returns, rolled back when it throws. Joins the surrounding
     * Spring transaction on the same DataSource when there is one ({@code @Transactional},
     * {@code TransactionTemplate}); a failure then marks that transaction rollback-only.
     */
    public <T> T transaction(Function<PrismaClient, T> work) {
        return transaction(TransactionOptions.DEFAULT, work);
    }

    /**
     * Runs {@code work} in one transaction with {@code options} (see {@link TransactionOptions}). An unsupported
     * isolation level, a start that took longer than {@code maxWait} and work that outlived {@code timeout} fail
     * with P2028 ({@link dev.prismaspring.query.PrismaTransactionException}) and roll back everything.
     */
    public <T> T transaction(TransactionOptions options, Function<PrismaClient, T> work) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(work, "work");
        int isolation = options.isolationLevel() != null ? checkedIsolation(options.isolationLevel())
                : Transactions.DEFAULT;
        // whole seconds for managers that only know those; refined to milliseconds below
        int timeoutSeconds = options.timeout() != null
                ? (int) Math.max(1, Math.ceil(options.timeout().toMillis() / 1000.0))
                : org.springframework.transaction.TransactionDefinition.TIMEOUT_DEFAULT;
        long requested = System.nanoTime();
        try {
            return transactions.execute(isolation, timeoutSeconds, status -> {
                if (!status.isNewTransaction()) {
                    return work.apply(this);
                }
                long started = System.nanoTime();
                long waitedMs = (started - requested) / 1_000_000;
                if (options.maxWait() != null && waitedMs > options.maxWait().toMillis()) {
                    throw PrismaException.of("P2028", "Transaction API error: Unable to start a transaction in the "
                            + "given time. Starting took " + waitedMs + " ms, maxWait is "
                            + options.maxWait().toMillis() + " ms.", Map.of("reason", "maxWait"), null);
                }
                if (options.timeout() != null
                        && TransactionSynchronizationManager.getResource(dataSource) instanceof ResourceHolderSupport h) {
                    h.setTimeoutInMillis(options.timeout().toMillis());
                }
                T result;
                try {
                    result = work.apply(this);
                } catch (RuntimeException e) {
                    throw expired(options, started) ? expiredError(options, started, "A query cannot be executed", e) : e;
                }
                if (expired(options, started)) {
                    throw expiredError(options, started, "A commit cannot be executed", null);
                }
                return result;
            });
        } catch (PrismaException e) {
            throw e;
        } catch (org.springframework.transaction.TransactionSystemException e) {
            // the rollback after a failure failed too (e.g. the connection is gone): report the first failure
            if (e.getApplicationException() instanceof PrismaException p) {
                throw p;
            }
            throw errors.translate(e);
        } catch (DataAccessException | TransactionException e) {
            // commit or rollback failed (e.g. a serialization failure reported at commit)
            throw errors.translate(e);
        }
    }

    /**
     * Runs prepared operations in order in one transaction (Prisma's {@code $transaction([...])}) and returns their
     * results in the same order. Every operation's arguments are validated before the transaction starts; a failure
     * rolls back all of them. As in Prisma, a sequential transaction has no timeout by default (maxWait 2 s); it
     * joins a surrounding Spring transaction like the interactive form.
     */
    public List<Object> transaction(List<PrismaOperation> operations) {
        return transaction(operations, TransactionOptions.DEFAULT.withTimeout(null));
    }

    /** {@link #transaction(List)} with options. */
    public List<Object> transaction(List<PrismaOperation> operations, TransactionOptions options) {
        List<PrismaOperation> ops = List.copyOf(operations);
        for (PrismaOperation op : ops) {
            model(op.model()).parse(op.operation(), op.args());
        }
        return transaction(options, tx -> {
            List<Object> results = new ArrayList<>(ops.size());
            for (PrismaOperation op : ops) {
                results.add(model(op.model()).run(op.operation(), op.args()));
            }
            return results;
        });
    }

    private int checkedIsolation(IsolationLevel level) {
        if (level.jdbcLevel() < 0 || !schema.dialect().supportsIsolationLevel(level.jdbcLevel())) {
            String supported = Arrays.stream(IsolationLevel.values())
                    .filter(l -> l.jdbcLevel() >= 0 && schema.dialect().supportsIsolationLevel(l.jdbcLevel()))
                    .map(Enum::name).collect(Collectors.joining(", "));
            throw PrismaException.of("P2028", "Transaction API error: the isolation level " + level + " is not "
                    + "supported by " + schema.provider().name().toLowerCase(java.util.Locale.ROOT)
                    + ". Use one of: " + supported + ".", Map.of("reason", "isolationLevel"), null);
        }
        return level.jdbcLevel(); // Spring's ISOLATION_* constants are JDBC's
    }

    private static boolean expired(TransactionOptions options, long started) {
        return options.timeout() != null && System.nanoTime() - started > options.timeout().toNanos();
    }

    private static PrismaException expiredError(TransactionOptions options, long started, String what,
                                                Throwable cause) {
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        long timeout = options.timeout().toMillis();
        return PrismaException.of("P2028", "Transaction already closed: " + what + " on an expired transaction. "
                + "The timeout for this transaction was " + timeout + " ms, however " + elapsed + " ms passed since "
                + "the start of the transaction. Consider increasing the interactive transaction timeout or doing "
                + "less work in the transaction. It was rolled back.",
                Map.of("reason", "timeout", "timeout", timeout, "elapsed", elapsed), cause);
    }

    // ------------------------------------------------------------------------------------------ raw SQL

    /**
     * Runs a raw query ({@code $queryRaw}): {@code ?} placeholders bound to {@code params}, in order. Each row is a
     * map from column label to value; values have the types of model reads where the column type is known
     * (Integer, Long, Double, BigDecimal, Boolean, String, Instant, JsonNode, byte[]).
     */
    public List<Map<String, Object>> queryRaw(String sql, Object... params) {
        RawQuery q = new RawQuery(sql, params == null ? null : Arrays.asList(params));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) intercepted(null, "$queryRaw", q, true,
                a -> raw.query(rawArgs(a).sql(), rawArgs(a).params()));
        return rows;
    }

    /** Runs a raw statement ({@code $executeRaw}) with bound {@code params}; returns the number of rows changed. */
    public int executeRaw(String sql, Object... params) {
        RawQuery q = new RawQuery(sql, params == null ? null : Arrays.asList(params));
        return (Integer) intercepted(null, "$executeRaw", q, true,
                a -> raw.execute(rawArgs(a).sql(), rawArgs(a).params()));
    }

    private static RawQuery rawArgs(Object args) {
        if (args instanceof RawQuery q) {
            return q;
        }
        throw new IllegalArgumentException("the arguments of a raw query must be a RawQuery, got "
                + (args == null ? "null" : args.getClass().getName()) + " (changed by an interceptor?)");
    }

    // ------------------------------------------------------------------------------------------ interception

    /** Runs one operation through the interceptors; {@code terminal} runs it with the (possibly changed) args. */
    Object intercepted(String model, String operation, Object args, boolean rawSql, Function<Object, Object> terminal) {
        if (interceptors.isEmpty()) {
            return run(model, rawSql, terminal, args);
        }
        OperationContext ctx = new OperationContext(model, operation, args,
                TransactionSynchronizationManager.isActualTransactionActive());
        return new Link(ctx, 0, model, rawSql, terminal).proceed();
    }

    private Object run(String model, boolean rawSql, Function<Object, Object> terminal, Object args) {
        try {
            return model == null ? terminal.apply(args) : errors.withModel(model, () -> terminal.apply(args));
        } catch (PrismaException e) {
            throw ofItsFamily(e, model);
        } catch (DataAccessException | TransactionException e) {
            throw errors.translate(e, rawSql);
        }
    }

    /**
     * A {@code new PrismaException(code, message)} as the subclass of its code's family (see
     * {@link PrismaException#of}), with Prisma's meta for P2025; others unchanged.
     */
    private static PrismaException ofItsFamily(PrismaException e, String model) {
        if (e.getClass() != PrismaException.class) {
            return e;
        }
        Map<String, Object> meta = e.meta();
        if (e.code().equals("P2025") && meta.isEmpty() && model != null) {
            meta = new java.util.LinkedHashMap<>();
            meta.put("modelName", model);
            meta.put("cause", e.getMessage());
        }
        PrismaException typed = PrismaException.of(e.code(), e.getMessage(), meta, e.getCause());
        if (typed.getClass() == PrismaException.class || typed instanceof dev.prismaspring.query.PrismaValidationException) {
            return e;
        }
        typed.setStackTrace(e.getStackTrace());
        return typed;
    }

    /** One link of the interceptor chain. */
    private final class Link implements PrismaInterceptor.Chain {
        private final OperationContext ctx;
        private final int index;
        private final String model;
        private final boolean rawSql;
        private final Function<Object, Object> terminal;

        Link(OperationContext ctx, int index, String model, boolean rawSql, Function<Object, Object> terminal) {
            this.ctx = ctx;
            this.index = index;
            this.model = model;
            this.rawSql = rawSql;
            this.terminal = terminal;
        }

        @Override
        public Object proceed() {
            if (index < interceptors.size()) {
                return interceptors.get(index).intercept(ctx, new Link(ctx, index + 1, model, rawSql, terminal));
            }
            OperationContext previous = current.get();
            current.set(ctx);
            try {
                Object result = run(model, rawSql, terminal, ctx.args());
                ctx.succeeded(result);
                return result;
            } catch (RuntimeException | Error e) {
                ctx.failed(e);
                throw e;
            } finally {
                if (previous == null) {
                    current.remove();
                } else {
                    current.set(previous);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ facts

    /** The client's default relation load strategy. */
    public RelationLoadStrategy relationLoadStrategy() {
        return defaultStrategy;
    }

    /** The schema as the query engine sees it. */
    public QuerySchema schema() {
        return schema;
    }

    /** The transaction manager the client's transactions go through. */
    public PlatformTransactionManager transactionManager() {
        return transactionManager;
    }

    /** The registered interceptors, outermost first. */
    public List<PrismaInterceptor> interceptors() {
        return interceptors;
    }

    /** Builds a {@link PrismaClient}. */
    public static final class Builder {
        private final Datamodel datamodel;
        private final DataSource dataSource;
        private RelationLoadStrategy relationLoadStrategy = RelationLoadStrategy.query;
        private final List<StatementListener> listeners = new ArrayList<>();
        private final List<PrismaInterceptor> interceptors = new ArrayList<>();
        private int maxBindParameters = Integer.MAX_VALUE;
        private PlatformTransactionManager transactionManager;

        private Builder(Datamodel datamodel, DataSource dataSource) {
            this.datamodel = Objects.requireNonNull(datamodel, "datamodel");
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            if (datamodel.provider() == null) {
                throw new IllegalArgumentException("the schema has no datasource with a supported provider");
            }
        }

        /** The default strategy for queries that do not set {@code relationLoadStrategy}. */
        public Builder relationLoadStrategy(RelationLoadStrategy strategy) {
            this.relationLoadStrategy = Objects.requireNonNull(strategy);
            return this;
        }

        /**
         * Caps the bind parameters per statement below the dialect's limit (PostgreSQL 32766, MySQL 65535,
         * SQLite 999); relation loading splits its {@code IN} lists accordingly.
         */
        public Builder maxBindParameters(int max) {
            if (max < 2) {
                throw new IllegalArgumentException("maxBindParameters must be at least 2");
            }
            this.maxBindParameters = max;
            return this;
        }

        public Builder statementListener(StatementListener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /**
         * The transaction manager for {@link PrismaClient#transaction} (the application's, so that the client's
         * transactions and {@code @Transactional} are one); it must manage the client's DataSource. Default: a
         * {@link DataSourceTransactionManager} on the DataSource.
         */
        public Builder transactionManager(PlatformTransactionManager manager) {
            this.transactionManager = Objects.requireNonNull(manager);
            return this;
        }

        /** Adds an interceptor; the first added is the outermost. */
        public Builder interceptor(PrismaInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor));
            return this;
        }

        /**
         * Logs every operation's statements through {@link QueryLoggingInterceptor} (logger
         * {@value QueryLoggingInterceptor#LOGGER_NAME}, INFO), as the outermost interceptor added so far.
         */
        public Builder logQueries(boolean enabled) {
            interceptors.removeIf(i -> i instanceof QueryLoggingInterceptor);
            if (enabled) {
                interceptors.add(0, new QueryLoggingInterceptor());
            }
            return this;
        }

        public PrismaClient build() {
            return new PrismaClient(this);
        }
    }
}
