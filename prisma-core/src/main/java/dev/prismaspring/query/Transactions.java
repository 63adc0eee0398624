package dev.prismaspring.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The client's one way to run work in a transaction: Spring's {@link TransactionTemplate} over the client's
 * {@link PlatformTransactionManager}, so that work joins an active Spring-managed transaction
 * ({@code @Transactional}, {@code prisma.transaction}) and otherwise runs in its own. Writes use
 * {@link #required} and, for the emulated upsert, {@link #savepoint}; {@code PrismaClient.transaction} uses
 * {@link #execute} with its isolation level and timeout. Templates are built once per set of options and reused
 * (they are thread-safe). Before a new transaction starts, the connection is set up ({@link ConnectionSetup}:
 * SQLite's foreign keys can only be turned on outside a transaction).
 */
public final class Transactions {

    /** No isolation level or timeout given: the database's and the manager's defaults. */
    public static final int DEFAULT = TransactionDefinition.ISOLATION_DEFAULT;

    private final PlatformTransactionManager manager;
    private final DataSource dataSource;
    private final ConnectionSetup setup;
    private final TransactionTemplate required;
    private final TransactionTemplate nested;
    private final Map<Long, TransactionTemplate> byOptions = new ConcurrentHashMap<>();
    private volatile Boolean autoCommits;

    /**
     * @param dataSource the DataSource the manager manages, whose connections {@code setup} prepares; with a
     *                   {@code null} setup nothing is prepared
     */
    public Transactions(PlatformTransactionManager manager, DataSource dataSource, ConnectionSetup setup) {
        this.manager = manager;
        this.dataSource = dataSource;
        this.setup = setup;
        this.required = new TransactionTemplate(manager);
        this.nested = new TransactionTemplate(manager);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The transaction manager every transaction goes through. */
    public PlatformTransactionManager manager() {
        return manager;
    }

    /** Runs {@code work} in the current transaction, or in a new one committed when it returns. */
    public <T> T required(Supplier<T> work) {
        prepare();
        return required.execute(status -> work.get());
    }

    /** Runs {@code work} inside a savepoint of the current transaction (rolled back to it when {@code work} throws). */
    public <T> T savepoint(Supplier<T> work) {
        return nested.execute(status -> work.get());
    }

    /**
     * Runs {@code work} in the current transaction, or in a new one with the isolation level (a JDBC
     * {@code Connection.TRANSACTION_*} constant, or {@link #DEFAULT}) and timeout in whole seconds (or
     * {@link TransactionDefinition#TIMEOUT_DEFAULT}); the callback's status tells which.
     */
    public <T> T execute(int isolationLevel, int timeoutSeconds, TransactionCallback<T> work) {
        boolean defaults = isolationLevel == DEFAULT && timeoutSeconds == TransactionDefinition.TIMEOUT_DEFAULT;
        TransactionTemplate template = defaults ? required
                : byOptions.computeIfAbsent(((long) isolationLevel << 32) | (timeoutSeconds & 0xffffffffL), k -> {
                    TransactionTemplate t = new TransactionTemplate(manager);
                    t.setIsolationLevel(isolationLevel);
                    t.setTimeout(timeoutSeconds);
                    return t;
                });
        prepare();
        return template.execute(work);
    }

    /**
     * Whether the data source hands out connections in auto-commit mode (as pools do by default), so a single
     * statement run outside a transaction is committed; checked once, on one connection.
     */
    public boolean autoCommits() {
        Boolean known = autoCommits;
        if (known == null) {
            Connection con = DataSourceUtils.getConnection(dataSource);
            try {
                known = con.getAutoCommit();
            } catch (SQLException e) {
                known = false;
            } finally {
                DataSourceUtils.releaseConnection(con, dataSource);
            }
            autoCommits = known;
        }
        return known;
    }

    private void prepare() {
        if (setup != null && setup.needed() && !TransactionSynchronizationManager.isActualTransactionActive()) {
            setup.prepare(dataSource);
        }
    }
}
