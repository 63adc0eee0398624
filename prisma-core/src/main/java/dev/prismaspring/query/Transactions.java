package dev.prismaspring.query;

import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How writes get their transactions: Spring's {@link TransactionTemplate} over the client's {@link DataSource}, so
 * that a write joins an active Spring-managed transaction ({@code @Transactional}, {@code prisma.transaction}) and
 * otherwise runs in its own.
 */
public final class Transactions {

    private final TransactionTemplate required;
    private final TransactionTemplate nested;

    public Transactions(DataSource dataSource) {
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        this.required = new TransactionTemplate(manager);
        this.nested = new TransactionTemplate(manager);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs {@code work} in the current transaction, or in a new one committed when it returns. */
    public <T> T required(Supplier<T> work) {
        return required.execute(status -> work.get());
    }

    /** Runs {@code work} inside a savepoint of the current transaction (rolled back to it when {@code work} throws). */
    public <T> T savepoint(Supplier<T> work) {
        return nested.execute(status -> work.get());
    }
}
