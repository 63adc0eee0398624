package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs validated writes ({@link Query.Write}). One top-level write with all its nested writes runs in one
 * transaction (joining an active Spring transaction), so a failure leaves no partial data.
 *
 * <p>Order as Prisma's: records the written record points to (foreign key on the written record) are created or
 * found first, then the record, then records that point to it (foreign key on them) and join-table rows. Records
 * are updated and deleted by primary key after selecting the keys that match (one statement each, batched with
 * {@code IN} lists chunked by the bind limit), so nested and emulated referential actions know which rows changed.
 * Returned records are read back through the read path, honouring {@code select}/{@code include}/{@code omit}.
 * Writes that need one statement only ({@link SingleStatementWrites}: a plain create, update, upsert or delete
 * returning scalars, an updateMany or deleteMany) run as that statement, with no transaction of their own.
 *
 * <p>The work is shared by small classes: {@link WriteRun} (one top-level write: the operations, single-record
 * create/update, upserts), {@link NestedWrites} (nested writes by relation side), {@link WriteStatements} (INSERT,
 * UPDATE and join-table statements), {@link ReferentialActions} (deletes and {@code relationMode = "prisma"}
 * emulation), {@link RecordLookup} (the selects), {@link WrittenRecords} (read-back) and {@link WriteErrors}.
 */
public final class WriteEngine {

    private static final int MAX_ATTEMPTS = 5;

    private final Transactions transactions;
    private final WriteSupport support;

    public WriteEngine(QuerySchema schema, StatementRunner runner, QueryEngine reads, Transactions transactions,
                       int bindLimit) {
        this.transactions = transactions;
        int limit = Math.max(2, Math.min(bindLimit, schema.dialect().maxBindParameters()));
        Datamodel.Datasource ds = schema.datamodel().datasource();
        boolean emulateRelations = ds != null && ds.relationMode() == Datamodel.RelationMode.PRISMA;
        this.support = new WriteSupport(schema, runner, reads, transactions, limit, emulateRelations,
                new RecordLookup(schema, runner, reads, limit), new WrittenRecords(reads, limit));
    }

    /**
     * Runs a write: a record (Map), a list of records, or {@code {count: n}}. When the write owns its transaction
     * (no outer one), a deadlock or serialization failure (SQLSTATE class 40) is retried a few times, as concurrent
     * upserts on MySQL/MariaDB can deadlock on the unique index.
     */
    public Object execute(Query.Write w) {
        boolean outer = TransactionSynchronizationManager.isActualTransactionActive();
        boolean alone = SingleStatementWrites.runsAlone(support, w);
        for (int attempt = 1; ; attempt++) {
            try {
                if (alone && (outer || transactions.autoCommits())) {
                    // one statement is atomic: it joins an outer transaction, else runs in auto-commit
                    return new WriteRun(support).execute(w, true);
                }
                return transactions.required(() -> new WriteRun(support).execute(w, alone));
            } catch (RuntimeException e) {
                if (outer || attempt >= MAX_ATTEMPTS || !WriteErrors.isTransactionConflict(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(5, 20 * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
