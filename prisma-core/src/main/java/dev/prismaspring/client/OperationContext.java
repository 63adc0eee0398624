package dev.prismaspring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One client operation as interceptors see it. Low-cardinality facts for metrics: {@link #model()},
 * {@link #operation()}, {@link #outcome()} (and {@link #errorCode()}); the rest (arguments, SQL, values) may be
 * large or sensitive.
 *
 * <p>{@link #statements()}, {@link #duration()}, {@link #outcome()}, {@link #result()} and {@link #error()} are
 * filled in when the operation ran (after {@link PrismaInterceptor.Chain#proceed()} returns or throws); before
 * that, outcome is {@code null}.
 */
public final class OperationContext {

    /** How an operation ended. */
    public enum Outcome { SUCCESS, ERROR }

    private final String model;
    private final String operation;
    private final boolean inTransaction;
    private final long startNanos = System.nanoTime();
    private final List<ExecutedStatement> statements = Collections.synchronizedList(new ArrayList<>());
    private Object args;
    private long durationNanos = -1;
    private Outcome outcome;
    private Object result;
    private Throwable error;

    OperationContext(String model, String operation, Object args, boolean inTransaction) {
        this.model = model;
        this.operation = operation;
        this.args = args;
        this.inTransaction = inTransaction;
    }

    /** The model's schema name ({@code User}), or {@code null} for raw SQL. */
    public String model() {
        return model;
    }

    /** The operation: {@code findMany}, {@code create}, ..., {@code $queryRaw}, {@code $executeRaw}. */
    public String operation() {
        return operation;
    }

    /**
     * The arguments: for model operations as given (JSON string, {@code Map}, Jackson tree or {@code null}); for raw
     * SQL a {@link RawQuery}.
     */
    public Object args() {
        return args;
    }

    /** Replaces the arguments the operation will run with (before proceeding). */
    public void args(Object newArgs) {
        if (outcome != null) {
            throw new IllegalStateException("the operation " + name() + " has already run");
        }
        this.args = newArgs;
    }

    /** Whether a transaction was active when the operation started. */
    public boolean inTransaction() {
        return inTransaction;
    }

    /** {@code User.findMany}, or the operation alone for raw SQL. */
    public String name() {
        return model == null ? operation : model + "." + operation;
    }

    /** The statements run so far, in order (a snapshot). */
    public List<ExecutedStatement> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /** How long the operation took, or the time since it started while it runs. */
    public Duration duration() {
        return Duration.ofNanos(durationNanos >= 0 ? durationNanos : System.nanoTime() - startNanos);
    }

    /** {@code SUCCESS} or {@code ERROR} once the operation ran, else {@code null}. */
    public Outcome outcome() {
        return outcome;
    }

    /** The result, once the operation succeeded. */
    public Object result() {
        return result;
    }

    /** The error, once the operation failed (a {@code PrismaException} for every client error). */
    public Throwable error() {
        return error;
    }

    /** Prisma's code of the error ({@code P2002}), or {@code null}. */
    public String errorCode() {
        return error instanceof dev.prismaspring.query.PrismaException p ? p.code() : null;
    }

    void record(ExecutedStatement statement) {
        statements.add(statement);
    }

    void succeeded(Object value) {
        durationNanos = System.nanoTime() - startNanos;
        result = value;
        outcome = Outcome.SUCCESS;
    }

    void failed(Throwable e) {
        durationNanos = System.nanoTime() - startNanos;
        error = e;
        outcome = Outcome.ERROR;
    }
}
