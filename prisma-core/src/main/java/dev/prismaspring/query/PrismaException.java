package dev.prismaspring.query;

import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataAccessException;

/**
 * An error of the Prisma client, with Prisma's error code ({@code P2002}, {@code P2025}, ...) and Prisma's
 * {@link #meta()}. {@code catch (PrismaException e)} catches every error the client throws.
 *
 * <p>It is a Spring {@link DataAccessException}, so code written against Spring's exception tree (translation
 * proxies, {@code catch (DataAccessException e)}) serves it as any other data access failure. It extends
 * {@code DataAccessException} itself rather than {@code NonTransientDataAccessException} because some codes are
 * transient (a write conflict, P2034, succeeds when retried); {@link #isTransient()} tells which. Where Spring
 * translated the database error, the Spring exception is the {@linkplain #getCause() cause}
 * ({@code DuplicateKeyException}, {@code DataIntegrityViolationException}, {@code CannotAcquireLockException},
 * ...), so {@code e.contains(DataIntegrityViolationException.class)} answers as Spring users expect.
 *
 * <p>Subclasses group the codes by family: {@link PrismaValidationException} (bad arguments, before any SQL),
 * {@link PrismaConstraintViolationException} (the data breaks a constraint), {@link PrismaNotFoundException}
 * (a record an operation needs is missing), {@link PrismaTransactionException} (write conflicts, expired or
 * misused transactions), {@link PrismaTimeoutException} (the database or the pool gave up waiting) and
 * {@link PrismaQueryFailedException} (the database rejected the statement). {@link #of} picks the subclass for a
 * code; {@code new PrismaException(code, message)} still works and gives the base class.
 */
public class PrismaException extends DataAccessException {

    private static final Set<String> TRANSIENT = Set.of("P1008", "P2024", "P2034");

    private final String code;
    private final Map<String, Object> meta;

    public PrismaException(String code, String message) {
        this(code, message, Map.of(), null);
    }

    public PrismaException(String code, String message, Throwable cause) {
        this(code, message, Map.of(), cause);
    }

    /** With Prisma's {@code meta} (e.g. {@code {modelName: "User", target: ["email"]}} for P2002). */
    public PrismaException(String code, String message, Map<String, Object> meta, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
    }

    /**
     * The exception of the family of {@code code}: P2000, P2002, P2003, P2004, P2011, P2014, P2020 →
     * {@link PrismaConstraintViolationException}; P2001, P2015, P2018, P2025 → {@link PrismaNotFoundException};
     * P2028, P2034 → {@link PrismaTransactionException}; P1008, P2024 → {@link PrismaTimeoutException}; P2010,
     * P2021, P2022, P2026, P2035 → {@link PrismaQueryFailedException}; P2009, P2012, P2019 →
     * {@link PrismaValidationException}; any other code → {@code PrismaException}.
     */
    public static PrismaException of(String code, String message, Map<String, Object> meta, Throwable cause) {
        return switch (code) {
            case "P2000", "P2002", "P2003", "P2004", "P2011", "P2014", "P2020" ->
                    new PrismaConstraintViolationException(code, message, meta, cause);
            case "P2001", "P2015", "P2018", "P2025" -> new PrismaNotFoundException(code, message, meta, cause);
            case "P2028", "P2034" -> new PrismaTransactionException(code, message, meta, cause);
            case "P1008", "P2024" -> new PrismaTimeoutException(code, message, meta, cause);
            case "P2010", "P2021", "P2022", "P2026", "P2035" ->
                    new PrismaQueryFailedException(code, message, meta, cause);
            case "P2009", "P2012", "P2019" -> new PrismaValidationException(code, "Unknown", java.util.List.of(),
                    message);
            default -> new PrismaException(code, message, meta, cause);
        };
    }

    /** {@link #of(String, String, Map, Throwable)} without meta and cause. */
    public static PrismaException of(String code, String message) {
        return of(code, message, Map.of(), null);
    }

    /**
     * This error as raised at {@code path} of a write's arguments (e.g. {@code data.posts.create[1].tags.create}):
     * the same code, family and cause, the message followed by {@code (at path)} and {@code meta.path} set. An
     * error that already names a path, and a validation error (whose path is part of its own message), are
     * returned as they are.
     */
    public PrismaException atPath(String path) {
        if (path == null || meta.containsKey("path") || this instanceof PrismaValidationException) {
            return this;
        }
        Map<String, Object> withPath = new java.util.LinkedHashMap<>(meta);
        withPath.put("path", path);
        PrismaException e = of(code, getMessage() + " (at " + path + ")", withPath, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** Prisma's error code, e.g. {@code P2025}. */
    public String code() {
        return code;
    }

    /** Prisma's {@code meta} of the error (unmodifiable, empty when there is none). */
    public Map<String, Object> meta() {
        return meta;
    }

    /**
     * Whether the same work may succeed when retried: write conflicts and deadlocks (P2034), timeouts (P1008),
     * an exhausted pool (P2024), and an interactive transaction that ran out of time (P2028 with
     * {@code meta.reason = "timeout"}).
     */
    public boolean isTransient() {
        return TRANSIENT.contains(code) || code.equals("P2028") && "timeout".equals(meta.get("reason"));
    }
}
