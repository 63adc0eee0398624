package dev.prismaspring.sql;

import java.util.List;

/**
 * What a database error means, as a dialect reads it from the driver's {@link java.sql.SQLException} (SQLState,
 * vendor code, message): the kind of failure and, where the database reports them, the constraint, table and
 * columns involved. The query layer turns it into Prisma's error code with model and field names.
 *
 * @param kind       the kind of failure
 * @param constraint the constraint or index name the database reports, or {@code null}
 * @param table      the table the database reports, or {@code null}
 * @param columns    the columns the database reports (SQLite names them; others through the constraint), maybe empty
 * @param code       the database's own code as text (SQLState, or the vendor code where it is more precise)
 * @param message    the database's message, without driver prefixes
 */
public record DatabaseError(Kind kind, String constraint, String table, List<String> columns, String code,
        String message) {

    /** The failures the client tells apart. */
    public enum Kind {
        UNIQUE_VIOLATION,
        FOREIGN_KEY_VIOLATION,
        NOT_NULL_VIOLATION,
        VALUE_TOO_LONG,
        VALUE_OUT_OF_RANGE,
        /** Serialization failure, deadlock, write conflict: retrying the transaction may succeed. */
        WRITE_CONFLICT,
        /** The database gave up waiting (statement timeout, lock wait timeout, SQLite busy). */
        TIMEOUT,
        /** No connection could be had in time (pool exhausted). */
        CONNECTION_TIMEOUT,
        /** The connection broke or the server ended the session (killed, restarted, network lost). */
        CONNECTION_CLOSED,
        MISSING_TABLE,
        MISSING_COLUMN,
        TOO_MANY_BIND_VARIABLES,
        OTHER
    }

    public DatabaseError {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** An error of a kind with nothing more known. */
    public static DatabaseError of(Kind kind, String code, String message) {
        return new DatabaseError(kind, null, null, List.of(), code, message);
    }
}
