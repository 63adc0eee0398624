package dev.prismaspring.client;

import java.time.Duration;

/**
 * Options of a transaction the client starts, as Prisma's {@code $transaction(fn, {isolationLevel, timeout,
 * maxWait})}. They apply only when the call starts the transaction; a call that joins a surrounding Spring
 * transaction takes that transaction as it is.
 *
 * @param isolationLevel the isolation level, or {@code null} for the database's default
 * @param timeout        how long the transaction may run (Prisma's default 5 s); when it has run longer, the work
 *                       fails with P2028 and everything is rolled back. Statements get the remaining time as their
 *                       query timeout, so a statement still running at the deadline is cancelled. {@code null}: no
 *                       limit
 * @param maxWait        how long starting the transaction (getting a connection from the pool) may take (Prisma's
 *                       default 2 s); when it took longer, the transaction is given up with P2028 before the work
 *                       runs. {@code null}: no limit
 */
public record TransactionOptions(IsolationLevel isolationLevel, Duration timeout, Duration maxWait) {

    /** Prisma's defaults: database isolation level, timeout 5 s, maxWait 2 s. */
    public static final TransactionOptions DEFAULT =
            new TransactionOptions(null, Duration.ofSeconds(5), Duration.ofSeconds(2));

    public TransactionOptions {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("transaction timeout must be positive, got " + timeout);
        }
        if (maxWait != null && (maxWait.isNegative() || maxWait.isZero())) {
            throw new IllegalArgumentException("transaction maxWait must be positive, got " + maxWait);
        }
    }

    /** The defaults, to be changed with the {@code with...} methods. */
    public static TransactionOptions defaults() {
        return DEFAULT;
    }

    public TransactionOptions withIsolationLevel(IsolationLevel level) {
        return new TransactionOptions(level, timeout, maxWait);
    }

    public TransactionOptions withTimeout(Duration newTimeout) {
        return new TransactionOptions(isolationLevel, newTimeout, maxWait);
    }

    public TransactionOptions withMaxWait(Duration newMaxWait) {
        return new TransactionOptions(isolationLevel, timeout, newMaxWait);
    }
}
