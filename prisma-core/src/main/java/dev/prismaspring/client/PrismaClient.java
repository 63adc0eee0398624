package dev.prismaspring.client;

import dev.prismaspring.query.ArgumentParser;
import dev.prismaspring.query.JdbcStatementRunner;
import dev.prismaspring.query.QueryEngine;
import dev.prismaspring.query.QuerySchema;
import dev.prismaspring.query.RelationLoadStrategy;
import dev.prismaspring.query.StatementListener;
import dev.prismaspring.query.Transactions;
import dev.prismaspring.query.ValueCodec;
import dev.prismaspring.query.WriteEngine;
import dev.prismaspring.schema.Datamodel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * The Prisma client for one schema and one {@link DataSource}: {@code prisma.model("User").findMany(args)}.
 * Statements run through Spring's {@code JdbcTemplate}, so they join a Spring-managed transaction when one is
 * active. Thread-safe; create one per application.
 */
public final class PrismaClient {

    private final QuerySchema schema;
    private final ArgumentParser parser;
    private final QueryEngine engine;
    private final WriteEngine writes;
    private final List<StatementListener> listeners;
    private final RelationLoadStrategy defaultStrategy;
    private final Map<String, ModelDelegate> delegates = new ConcurrentHashMap<>();
    private final DataSource dataSource;

    private PrismaClient(Builder b) {
        this.schema = new QuerySchema(b.datamodel);
        this.parser = new ArgumentParser(schema);
        this.listeners = new CopyOnWriteArrayList<>(b.listeners);
        this.defaultStrategy = b.relationLoadStrategy;
        this.dataSource = b.dataSource;
        ValueCodec codec = new ValueCodec(schema);
        JdbcStatementRunner runner = new JdbcStatementRunner(b.dataSource, codec, listeners);
        this.engine = new QueryEngine(schema, codec, runner, defaultStrategy, b.maxBindParameters);
        this.writes = new WriteEngine(schema, runner, engine, new Transactions(b.dataSource), b.maxBindParameters);
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
        return delegates.computeIfAbsent(m.name(), n -> new ModelDelegate(m.name(), parser, engine, writes));
    }

    /** Adds a listener notified of every statement (SQL and bound values) before it runs. */
    public PrismaClient addStatementListener(StatementListener listener) {
        listeners.add(Objects.requireNonNull(listener));
        return this;
    }

    public void removeStatementListener(StatementListener listener) {
        listeners.remove(listener);
    }

    /**
     * Runs {@code work} in one transaction on the client's DataSource (joining a Spring-managed transaction when
     * one is active): committed when it returns, rolled back when it throws.
     */
    public <T> T transaction(java.util.function.Function<PrismaClient, T> work) {
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource));
        return tx.execute(status -> work.apply(this));
    }

    /** The client's default relation load strategy. */
    public RelationLoadStrategy relationLoadStrategy() {
        return defaultStrategy;
    }

    /** The schema as the query engine sees it. */
    public QuerySchema schema() {
        return schema;
    }

    /** Builds a {@link PrismaClient}. */
    public static final class Builder {
        private final Datamodel datamodel;
        private final DataSource dataSource;
        private RelationLoadStrategy relationLoadStrategy = RelationLoadStrategy.query;
        private final List<StatementListener> listeners = new java.util.ArrayList<>();
        private int maxBindParameters = Integer.MAX_VALUE;

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

        public PrismaClient build() {
            return new PrismaClient(this);
        }
    }
}
