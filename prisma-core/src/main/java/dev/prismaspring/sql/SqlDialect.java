package dev.prismaspring.sql;

import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.mysql.MySqlDialect;
import dev.prismaspring.sql.postgres.PostgresDialect;
import dev.prismaspring.sql.sqlite.SqliteDialect;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What differs between databases: identifier quoting and length limits, string literals, type and default
 * rendering, and the DDL for a whole {@link SqlSchema}. Implementations are stateless singletons:
 * {@link #postgres()}, {@link #mysql()}, {@link #sqlite()}.
 */
public interface SqlDialect {

    /** PostgreSQL. */
    static SqlDialect postgres() {
        return PostgresDialect.INSTANCE;
    }

    /** MySQL and MariaDB. */
    static SqlDialect mysql() {
        return MySqlDialect.INSTANCE;
    }

    /** SQLite. */
    static SqlDialect sqlite() {
        return SqliteDialect.INSTANCE;
    }

    /** The dialect of a datasource provider. */
    static SqlDialect forProvider(Provider provider) {
        return switch (provider) {
            case POSTGRESQL -> postgres();
            case MYSQL -> mysql();
            case SQLITE -> sqlite();
        };
    }

    /** The provider this dialect serves. */
    Provider provider();

    /** The longest identifier the database keeps: 63 on PostgreSQL, 64 on MySQL, unlimited on SQLite. */
    int maxIdentifierLength();

    /** An identifier in the dialect's quotes ({@code "x"} or {@code `x`}), embedded quotes doubled. */
    String quote(String identifier);

    /** A possibly schema-qualified name, quoted ({@code "ns"."name"}, or just {@code "name"}). */
    default String quote(String namespace, String name) {
        return namespace == null ? quote(name) : quote(namespace) + "." + quote(name);
    }

    /** A string literal in single quotes, embedded single quotes doubled. */
    default String quoteString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Whether implicit many-to-many join tables get a primary key (PostgreSQL) rather than a unique index. */
    default boolean joinTablesUsePrimaryKey() {
        return false;
    }

    /** The column type as written in DDL, e.g. {@code VARCHAR(191)}, {@code "Role"[]}, {@code SERIAL}. */
    String renderColumnType(SqlSchema schema, Column column);

    /**
     * The steps that create {@code schema} in an empty database, in a dependency-safe order and Prisma's
     * order (PostgreSQL: schemas, enums, tables, indexes, foreign keys).
     */
    DdlScript createSteps(SqlSchema schema);

    /** The migration script that creates {@code schema} from an empty database, as Prisma renders it. */
    default String renderCreate(SqlSchema schema) {
        return createSteps(schema).render();
    }

    /**
     * The identifiers of {@code schema} (tables, columns, constraints, indexes, enums) longer than
     * {@link #maxIdentifierLength()}, each as {@code kind name}; empty when all fit.
     */
    default List<String> identifiersTooLong(SqlSchema schema) {
        int max = maxIdentifierLength();
        List<String> out = new ArrayList<>();
        java.util.function.BiConsumer<String, String> check = (kind, name) -> {
            if (name != null && name.length() > max) {
                out.add(kind + " " + name);
            }
        };
        schema.namespaces().forEach(n -> check.accept("schema", n));
        schema.enums().forEach(e -> check.accept("enum", e.name()));
        for (Table t : schema.tables()) {
            check.accept("table", t.name());
            t.columns().stream().filter(c -> c.name().length() > max)
                    .forEach(c -> out.add("column " + t.name() + "." + c.name()));
            t.findPrimaryKey().ifPresent(pk -> check.accept("primary key", pk.constraintName()));
            t.indexes().forEach(i -> check.accept("index", i.name()));
            t.foreignKeys().forEach(fk -> check.accept("foreign key", fk.constraintName()));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------- query hooks (additive)

    /** The most bind parameters one statement may carry (PostgreSQL 32766, MySQL 65535, SQLite 999). */
    default int maxBindParameters() {
        return 999;
    }

    /**
     * The {@code LIMIT}/{@code OFFSET} clause with a {@code ?} for each part present (limit first, then offset),
     * with a leading space, or an empty string when neither is present.
     */
    default String limitOffset(boolean limit, boolean offset) {
        if (limit && offset) {
            return " LIMIT ? OFFSET ?";
        }
        if (limit) {
            return " LIMIT ?";
        }
        return offset ? " OFFSET ?" : "";
    }

    /** A JSON object built from alternating key literals and value expressions. */
    default String jsonObject(List<String> keysAndValues) {
        return "json_object(" + String.join(", ", keysAndValues) + ")";
    }

    /** The JSON array aggregate of {@code expr} ordered by {@code orderBy} (may be empty), {@code []} when no rows. */
    default String jsonArrayAgg(String expr, String orderBy) {
        return "COALESCE(json_group_array(" + expr + (orderBy.isEmpty() ? "" : " ORDER BY " + orderBy) + "), '[]')";
    }

    /**
     * Whether the join strategy puts relation aggregates in {@code LEFT JOIN LATERAL (...) ON true} (PostgreSQL)
     * rather than in correlated subqueries in the select list.
     */
    default boolean lateralJoins() {
        return false;
    }

    /** An expression that renders a binary column as a hex string inside JSON. */
    default String jsonBytes(String column) {
        return "hex(" + column + ")";
    }

    /** An expression that renders a Json column as its JSON text (so that it survives JSON embedding). */
    default String jsonText(String column) {
        return column;
    }

    /** Whether {@code mode: 'insensitive'} (ILIKE / lower()) is supported, as on PostgreSQL. */
    default boolean supportsInsensitiveMode() {
        return false;
    }

    /** Whether scalar lists (arrays) are supported, as on PostgreSQL. */
    default boolean supportsScalarLists() {
        return false;
    }

    /** The {@code ESCAPE} clause for LIKE patterns that escape with a backslash (with a leading space). */
    default String likeEscape() {
        return " ESCAPE '\\'";
    }

    /**
     * JSON filter fragments. Each is a template in which {@code {target}} stands for the JSON expression
     * filtered on and {@code {param}} for the bound JSON value; the query compiler fills them in. The
     * defaults are SQLite's {@code json_*} functions.
     */
    /** The first ({@code first}) or last element of the JSON array {@code {target}}. */
    default String jsonArrayElementTemplate(boolean first) {
        return first ? "json_extract({target}, '$[0]')" : "json_extract({target}, '$[#-1]')";
    }

    /** {@code {target}} equals the JSON value {@code {param}}. */
    default String jsonEqualsTemplate() {
        // json_extract returns SQL values for scalars: re-quote them as JSON before comparing
        return "json(CASE WHEN json_valid({target}) AND json_type({target}) IN ('object','array') THEN {target} "
                + "ELSE json_quote({target}) END) = json({param})";
    }

    /** The text of the JSON string {@code {target}} (for string filters). */
    default String jsonTextTemplate() {
        return "{target}";
    }

    /** The JSON array {@code {target}} contains every element of the JSON array {@code {param}}. */
    default String jsonContainsTemplate() {
        return "(json_type({target}) = 'array' AND NOT EXISTS (SELECT 1 FROM json_each({param}) n WHERE NOT EXISTS "
                + "(SELECT 1 FROM json_each({target}) o WHERE o.value = n.value AND o.type = n.type)))";
    }

    /** The expression extracting a JSON value at a path (keys and indexes) from a Json column, as JSON text. */
    default String jsonExtract(String column, String pathParam) {
        return "json_extract(" + column + ", " + pathParam + ")";
    }
    /**
     * The namespace that qualifies a table of {@code schema} (a model's {@code @@schema}, may be null) in
     * queries, or null for an unqualified name. Only PostgreSQL qualifies (every schema but {@code public}).
     */
    default String queryNamespace(String schema) {
        return null;
    }

    /**
     * The bind value of a JSON path (object keys and array indexes) for {@link #jsonExtract}: a
     * {@code $."a"[0]} path string here; PostgreSQL binds a {@code List<String>} as a {@code text[]}.
     */
    default Object jsonPath(List<String> path) {
        StringBuilder sb = new StringBuilder("$");
        for (String p : path) {
            if (p.matches("\\d+")) {
                sb.append('[').append(p).append(']');
            } else {
                sb.append(".\"").append(p.replace("\"", "\\\"")).append('"');
            }
        }
        return sb.toString();
    }

    /**
     * Binds a non-null single value of a query at {@code index}. {@code type} is null for an enum value (its
     * database name, a String); a Json value arrives as its JSON text, a DateTime as an {@link Instant}, a
     * Decimal as a {@link BigDecimal}, Bytes as a {@code byte[]}.
     *
     * <p>Here (MySQL): enums and Json as strings, DateTime as a UTC {@code LocalDateTime} (for
     * {@code DATETIME(3)}), Boolean as 0/1, the rest with their JDBC setters.
     */
    default void bindValue(PreparedStatement ps, int index, ScalarType type, Object value) throws SQLException {
        if (type == null) {
            ps.setString(index, (String) value);
            return;
        }
        switch (type) {
            case DateTime -> ps.setObject(index, LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case Json, String -> ps.setString(index, (String) value);
            case Bytes -> ps.setBytes(index, (byte[]) value);
            case Boolean -> ps.setInt(index, (Boolean) value ? 1 : 0);
            case Decimal -> ps.setBigDecimal(index, (BigDecimal) value);
            case Int -> ps.setInt(index, ((Number) value).intValue());
            case BigInt -> ps.setLong(index, ((Number) value).longValue());
            case Float -> ps.setDouble(index, ((Number) value).doubleValue());
        }
    }

    /**
     * Reads a single (non-list) column at {@code index} as the raw JDBC value the query engine then converts
     * ({@code type} null for an enum). Here: DateTime as a UTC {@code LocalDateTime}, Bytes as {@code byte[]},
     * Json, Decimal, String and enums as text (so that decimals keep their digits), Int, BigInt and Boolean with
     * their typed getters, the rest with {@code getObject}.
     */
    default Object readValue(ResultSet rs, int index, ScalarType type) throws SQLException {
        if (type == ScalarType.DateTime) {
            return rs.getObject(index, LocalDateTime.class);
        }
        if (type == ScalarType.Bytes) {
            return rs.getBytes(index);
        }
        if (type == ScalarType.Json || type == ScalarType.Decimal || type == ScalarType.String || type == null) {
            return rs.getString(index);
        }
        // typed getters: getObject makes some drivers (sqlite-jdbc) look up the column type and go through text;
        // the caller checks wasNull()
        if (type == ScalarType.Int) {
            return rs.getInt(index);
        }
        if (type == ScalarType.BigInt) {
            return rs.getLong(index);
        }
        if (type == ScalarType.Boolean) {
            return rs.getBoolean(index);
        }
        return rs.getObject(index);
    }

    // ---------------------------------------------------------------------------------- runtime hooks

    /**
     * What a database error means: its kind and, where the database reports them, the constraint, table and
     * columns. Here the SQL standard's SQLStates and the JDBC exception types; dialects add their vendor codes
     * and message formats.
     */
    default DatabaseError classifyError(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        DatabaseError.Kind kind;
        if (e instanceof java.sql.SQLTransientConnectionException) {
            kind = DatabaseError.Kind.CONNECTION_TIMEOUT;
        } else if (state.startsWith("08") || e instanceof java.sql.SQLNonTransientConnectionException
                || e instanceof java.sql.SQLRecoverableException) {
            kind = DatabaseError.Kind.CONNECTION_CLOSED;
        } else if (e instanceof java.sql.SQLTimeoutException) {
            kind = DatabaseError.Kind.TIMEOUT;
        } else if (state.equals("40001")) {
            kind = DatabaseError.Kind.WRITE_CONFLICT;
        } else if (state.equals("22001")) {
            kind = DatabaseError.Kind.VALUE_TOO_LONG;
        } else if (state.equals("22003")) {
            kind = DatabaseError.Kind.VALUE_OUT_OF_RANGE;
        } else if (state.equals("42S02") || lower.contains("no such table")) {
            kind = DatabaseError.Kind.MISSING_TABLE;
        } else if (state.equals("42S22") || lower.contains("no such column")) {
            kind = DatabaseError.Kind.MISSING_COLUMN;
        } else if (lower.contains("too many sql variables") || lower.contains("too many bind")
                || lower.contains("too many parameters")) {
            kind = DatabaseError.Kind.TOO_MANY_BIND_VARIABLES;
        } else {
            kind = DatabaseError.Kind.OTHER;
        }
        return DatabaseError.of(kind, state.isEmpty() ? String.valueOf(e.getErrorCode()) : state, message);
    }

    /**
     * Whether the database runs transactions at this JDBC isolation level ({@code Connection.TRANSACTION_*}).
     * Here: the four standard levels.
     */
    default boolean supportsIsolationLevel(int jdbcLevel) {
        return jdbcLevel == java.sql.Connection.TRANSACTION_READ_UNCOMMITTED
                || jdbcLevel == java.sql.Connection.TRANSACTION_READ_COMMITTED
                || jdbcLevel == java.sql.Connection.TRANSACTION_REPEATABLE_READ
                || jdbcLevel == java.sql.Connection.TRANSACTION_SERIALIZABLE;
    }

    /**
     * A statement the client runs once on each connection it uses outside a transaction, so that the session
     * behaves as Prisma expects (SQLite: {@code PRAGMA foreign_keys = ON}), or {@code null}.
     */
    default String connectionSetupSql() {
        return null;
    }

    /**
     * A query answering 1 in its first column when the session is already set up as
     * {@link #connectionSetupSql()} does (SQLite: {@code PRAGMA foreign_keys}), or {@code null}.
     */
    default String connectionSetupCheckSql() {
        return null;
    }

    /**
     * The scalar type whose Java value a raw query returns for result column {@code column}, from the JDBC
     * metadata, or {@code null} to return the driver's own object (e.g. for arrays and unknown types).
     */
    default ScalarType rawColumnType(java.sql.ResultSetMetaData md, int column) throws SQLException {
        return switch (md.getColumnType(column)) {
            case java.sql.Types.TINYINT, java.sql.Types.SMALLINT, java.sql.Types.INTEGER -> ScalarType.Int;
            case java.sql.Types.BIGINT -> ScalarType.BigInt;
            case java.sql.Types.REAL, java.sql.Types.FLOAT, java.sql.Types.DOUBLE -> ScalarType.Float;
            case java.sql.Types.DECIMAL, java.sql.Types.NUMERIC -> ScalarType.Decimal;
            case java.sql.Types.BOOLEAN, java.sql.Types.BIT -> ScalarType.Boolean;
            case java.sql.Types.CHAR, java.sql.Types.VARCHAR, java.sql.Types.LONGVARCHAR, java.sql.Types.NCHAR,
                    java.sql.Types.NVARCHAR, java.sql.Types.LONGNVARCHAR, java.sql.Types.CLOB -> ScalarType.String;
            case java.sql.Types.DATE, java.sql.Types.TIMESTAMP, java.sql.Types.TIMESTAMP_WITH_TIMEZONE ->
                    ScalarType.DateTime;
            case java.sql.Types.BINARY, java.sql.Types.VARBINARY, java.sql.Types.LONGVARBINARY,
                    java.sql.Types.BLOB -> ScalarType.Bytes;
            default -> null;
        };
    }

    /**
     * Reads result column {@code index} of a raw query whose {@link #rawColumnType} is {@code type} (not null), as
     * {@link #readValue} does for model columns.
     */
    default Object readRawValue(ResultSet rs, int index, ScalarType type) throws SQLException {
        return readValue(rs, index, type);
    }

    // ---------------------------------------------------------------------------------- write hooks (additive)

    /** Whether {@code INSERT ... RETURNING} is available (PostgreSQL, SQLite 3.35+; not MySQL). */
    default boolean supportsReturning() {
        return true;
    }

    /** The start of an insert that skips rows violating a unique constraint (SQLite {@code INSERT OR IGNORE INTO }). */
    default String insertIgnorePrefix() {
        return "INSERT OR IGNORE INTO ";
    }

    /** The end of an insert that skips rows violating a unique constraint (PostgreSQL {@code ON CONFLICT DO NOTHING}). */
    default String insertIgnoreSuffix() {
        return "";
    }

    /**
     * The clause after {@code INSERT ... VALUES (...)} that turns it into an upsert on the unique
     * {@code conflictColumns}, applying {@code assignments} ({@code "col" = expr}) to the existing row.
     */
    default String upsertClause(List<String> conflictColumns, List<String> assignments) {
        return " ON CONFLICT (" + String.join(", ", conflictColumns) + ") DO UPDATE SET "
                + String.join(", ", assignments);
    }

    /** In an upsert's update part: the existing row's {@code quotedColumn} (qualified where it would be ambiguous). */
    default String upsertExistingColumn(String table, String quotedColumn) {
        return quotedColumn;
    }

    /** In an upsert's update part: the value the conflicting insert row proposed for {@code quotedColumn}. */
    default String excludedColumn(String quotedColumn) {
        return "excluded." + quotedColumn;
    }

    /** Integer division that truncates (as Prisma's {@code divide} on Int/BigInt fields). */
    default String integerDivide(String left, String right) {
        return left + " / " + right;
    }

    /** An insert of one row made of column defaults only. */
    default String insertDefaultValues(String table) {
        return "INSERT INTO " + table + " DEFAULT VALUES";
    }

    /** Whether {@code e} reports a unique (or primary key) constraint violation. */
    default boolean isUniqueViolation(SQLException e) {
        return classifyError(e).kind() == DatabaseError.Kind.UNIQUE_VIOLATION;
    }

    /** The suffix of a SELECT that reads the latest committed rows and locks them (none on SQLite). */
    default String lockForUpdate() {
        return "";
    }

    /** The expression appending the array {@code param} (a placeholder) to the scalar list {@code column} (PostgreSQL). */
    default String scalarListPush(String column, String param) {
        throw new UnsupportedOperationException("scalar lists are not supported by " + provider());
    }
}
