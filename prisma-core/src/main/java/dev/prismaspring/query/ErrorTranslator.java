package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.sql.DatabaseError;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.sql.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Turns database errors (a Spring {@link DataAccessException} or a JDBC {@link SQLException}, anywhere in the
 * cause chain) into {@link PrismaException}s with Prisma's code, meta and wording. The dialect says what the
 * error is ({@link dev.prismaspring.sql.SqlDialect#classifyError}); this class names the model and fields, by
 * mapping the constraint, table and column names the database reports to the schema (Prisma's constraint names,
 * {@code User_email_key}, {@code Post_authorId_fkey}, through the schema's {@link SqlSchema}).
 *
 * <p>The model of the running operation ({@link #withModel}) is used when the database does not name the table
 * (MariaDB's {@code for key 'PRIMARY'}, SQLite's foreign key failures).
 */
public final class ErrorTranslator {

    /** A constraint or index of the schema's tables. */
    private record Constraint(String table, List<String> columns) {
    }

    private final QuerySchema schema;
    private final Map<String, Constraint> constraints = new HashMap<>();
    private final Map<String, Datamodel.Model> modelsByTable = new HashMap<>();
    private final Map<String, List<String>> primaryKeys = new HashMap<>();
    private final ThreadLocal<String> currentModel = new ThreadLocal<>();
    private final java.util.function.Supplier<PoolFacts> poolFacts;

    public ErrorTranslator(QuerySchema schema) {
        this(schema, () -> PoolFacts.UNKNOWN);
    }

    /** @param poolFacts the facts of the connection pool, for P2024 (read when one is reported) */
    public ErrorTranslator(QuerySchema schema, java.util.function.Supplier<PoolFacts> poolFacts) {
        this.schema = schema;
        this.poolFacts = poolFacts;
        for (QuerySchema.ModelInfo m : schema.models()) {
            modelsByTable.putIfAbsent(m.model().dbName(), m.model());
        }
        SqlSchema sql;
        try {
            sql = SqlSchemaCalculator.calculate(schema.datamodel());
        } catch (RuntimeException e) {
            // a schema the SQL layer cannot lay out: errors then name what the database reports
            sql = SqlSchema.empty();
        }
        for (Table t : sql.tables()) {
            t.findPrimaryKey().ifPresent(pk -> {
                List<String> columns = pk.columns().stream().map(c -> c.column()).toList();
                constraints.put(pk.constraintName(), new Constraint(t.name(), columns));
                primaryKeys.put(t.name(), columns);
            });
            t.indexes().forEach(i -> constraints.put(i.name(), new Constraint(t.name(), i.columnNames())));
            t.foreignKeys().forEach(fk -> constraints.put(fk.constraintName(), new Constraint(t.name(), fk.columns())));
        }
    }

    /** Runs {@code work} with {@code model} as the model errors are about when the database does not say. */
    public <T> T withModel(String model, java.util.function.Supplier<T> work) {
        String previous = currentModel.get();
        currentModel.set(model);
        try {
            return work.get();
        } finally {
            currentModel.set(previous); // not remove(): it expunges the entry and its stale neighbours on every call
        }
    }

    /** The error of a model operation. */
    public PrismaException translate(Throwable error) {
        return translate(error, false);
    }

    /**
     * The error as a {@link PrismaException}. With {@code raw} (a raw query), failures without a constraint or
     * concurrency meaning are P2010 carrying the database's code and message, as in Prisma.
     */
    public PrismaException translate(Throwable error, boolean raw) {
        if (error instanceof PrismaException p) {
            return p;
        }
        if (find(error, TransactionTimedOutException.class) != null) {
            return PrismaException.of("P2028", "Transaction API error: the transaction ran out of time and was "
                    + "rolled back (" + error.getMessage() + ").", Map.of("reason", "timeout"), error);
        }
        SQLException sql = find(error, SQLException.class);
        if (sql == null) {
            return PrismaException.of("P2010", (raw ? "Raw query failed: " : "The query failed: ")
                    + error.getMessage(), Map.of(), error);
        }
        DatabaseError db = schema.dialect().classifyError(sql);
        return translate(db, raw, springCause(error, db.kind()));
    }

    private PrismaException translate(DatabaseError db, boolean raw, Throwable cause) {
        Map<String, Object> meta = new LinkedHashMap<>();
        switch (db.kind()) {
            case UNIQUE_VIOLATION -> {
                Target t = target(db);
                meta.put("modelName", t.model());
                meta.put("target", t.fields());
                return PrismaException.of("P2002", "Unique constraint failed on the fields: (" + fieldList(t.fields())
                        + ")" + inModel(t.model()), meta, cause);
            }
            case FOREIGN_KEY_VIOLATION -> {
                Target t = target(db);
                meta.put("modelName", t.model());
                meta.put("field_name", t.fields().isEmpty() ? "foreign key" : String.join(", ", t.fields()));
                if (db.constraint() != null) {
                    meta.put("constraint", db.constraint());
                }
                String on = t.fields().isEmpty() ? "the foreign key" : "the fields: (" + fieldList(t.fields()) + ")";
                return PrismaException.of("P2003", "Foreign key constraint violated on " + on + inModel(t.model())
                        + (db.constraint() != null ? " (constraint `" + db.constraint() + "`)" : "") + ".", meta, cause);
            }
            case NOT_NULL_VIOLATION -> {
                Target t = target(db);
                meta.put("modelName", t.model());
                meta.put("constraint", t.fields());
                return PrismaException.of("P2011", "Null constraint violation on the fields: ("
                        + fieldList(t.fields()) + ")" + inModel(t.model()), meta, cause);
            }
            case VALUE_TOO_LONG -> {
                Target t = target(db);
                String column = t.fields().isEmpty() ? "(not available)" : String.join(", ", t.fields());
                meta.put("modelName", t.model());
                meta.put("column_name", column);
                return PrismaException.of("P2000", "The provided value for the column is too long for the column's "
                        + "type. Column: " + column + inModel(t.model()) + ". " + db.message(), meta, cause);
            }
            case VALUE_OUT_OF_RANGE -> {
                meta.put("details", db.message());
                return PrismaException.of("P2020", "Value out of range for the type. " + db.message(), meta, cause);
            }
            case WRITE_CONFLICT -> {
                meta.put("code", db.code());
                meta.put("message", db.message());
                return PrismaException.of("P2034", "Transaction failed due to a write conflict or a deadlock. Please "
                        + "retry your transaction. (" + db.message() + ")", meta, cause);
            }
            case TIMEOUT -> {
                meta.put("code", db.code());
                meta.put("message", db.message());
                return PrismaException.of("P1008", "Operations timed out: " + db.message(), meta, cause);
            }
            case CONNECTION_CLOSED -> {
                meta.put("code", db.code());
                meta.put("message", db.message());
                return PrismaException.of("P1017", "Server has closed the connection. (" + db.message() + ")", meta,
                        cause);
            }
            case CONNECTION_TIMEOUT -> {
                PoolFacts pool = poolFacts.get();
                if (pool.connectionLimit() != null) {
                    meta.put("connection_limit", pool.connectionLimit());
                }
                if (pool.timeoutMillis() != null) {
                    meta.put("timeout", pool.timeoutMillis());
                }
                if (pool.poolName() != null) {
                    meta.put("pool_name", pool.poolName());
                }
                meta.put("message", db.message());
                String facts = pool.describe();
                return PrismaException.of("P2024", "Timed out fetching a new connection from the connection pool. "
                        + (facts.isEmpty() ? "" : facts + " ") + db.message(), meta, cause);
            }
            default -> {
            }
        }
        if (raw) {
            meta.put("code", db.code());
            meta.put("message", db.message());
            return PrismaException.of("P2010", "Raw query failed. Code: `" + db.code() + "`. Message: `"
                    + db.message() + "`", meta, cause);
        }
        return switch (db.kind()) {
            case MISSING_TABLE -> PrismaException.of("P2021", "The table does not exist in the current database: "
                    + db.message(), Map.of("message", db.message()), cause);
            case MISSING_COLUMN -> PrismaException.of("P2022", "The column does not exist in the current database: "
                    + db.message(), Map.of("message", db.message()), cause);
            case TOO_MANY_BIND_VARIABLES -> PrismaException.of("P2035", "The query failed: " + db.message(),
                    Map.of("message", db.message()), cause);
            default -> PrismaException.of("P2010", "The query failed: " + db.message(),
                    Map.of("code", db.code(), "message", db.message()), cause);
        };
    }

    /** The model and fields an error is about, as far as they are known. */
    private record Target(String model, List<String> fields) {
    }

    private Target target(DatabaseError db) {
        String table = db.table();
        List<String> columns = db.columns();
        Constraint c = db.constraint() == null ? null : constraints.get(db.constraint());
        if (c != null) {
            table = c.table();
            columns = c.columns();
        }
        Datamodel.Model model = table == null ? null : modelOfTable(table);
        if (model == null && table == null && currentModel.get() != null) {
            model = schema.find(currentModel.get()).map(QuerySchema.ModelInfo::model).orElse(null);
        }
        if (model == null && table == null && !columns.isEmpty()) {
            model = onlyModelWithColumns(columns);
        }
        if (c == null && "PRIMARY".equalsIgnoreCase(db.constraint()) && model != null) {
            List<String> pk = primaryKeys.get(model.dbName());
            columns = pk == null ? columns : pk;
        }
        if (columns.isEmpty() && db.constraint() != null && c == null && !"PRIMARY".equalsIgnoreCase(db.constraint())) {
            // a constraint the schema does not know: name it rather than nothing
            return new Target(model == null ? null : model.name(), List.of(db.constraint()));
        }
        Datamodel.Model m = model;
        List<String> fields = new ArrayList<>();
        for (String column : columns) {
            fields.add(m == null ? column : fieldOfColumn(m, column));
        }
        return new Target(m == null ? null : m.name(), List.copyOf(fields));
    }

    /** The one model whose table has all these columns, or null (then the database's message must do). */
    private Datamodel.Model onlyModelWithColumns(List<String> columns) {
        List<Datamodel.Model> candidates = modelsByTable.values().stream()
                .filter(m -> columns.stream().allMatch(col -> m.scalarFields().stream()
                        .anyMatch(f -> col.equals(f.dbName() != null ? f.dbName() : f.name()))))
                .toList();
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    private Datamodel.Model modelOfTable(String table) {
        Datamodel.Model m = modelsByTable.get(table);
        if (m == null) {
            m = modelsByTable.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(table))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return m;
    }

    private static String fieldOfColumn(Datamodel.Model m, String column) {
        return m.scalarFields().stream()
                .filter(f -> column.equals(f.dbName() != null ? f.dbName() : f.name()))
                .map(Datamodel.ScalarField::name).findFirst()
                .orElseGet(() -> m.scalarFields().stream()
                        .filter(f -> column.equalsIgnoreCase(f.dbName() != null ? f.dbName() : f.name()))
                        .map(Datamodel.ScalarField::name).findFirst().orElse(column));
    }

    private static String fieldList(List<String> fields) {
        return fields.stream().map(f -> "`" + f + "`").collect(Collectors.joining(","));
    }

    private static String inModel(String model) {
        return model == null ? "" : " on model `" + model + "`";
    }

    /**
     * The Spring exception to keep as the cause: the one Spring translated, when it is of the type Spring's tree
     * has for this kind of failure; else that type wrapping the error (Spring cannot translate every driver's
     * errors, e.g. SQLite's carry no SQLState).
     */
    private static Throwable springCause(Throwable error, DatabaseError.Kind kind) {
        Class<? extends DataAccessException> expected = switch (kind) {
            case UNIQUE_VIOLATION -> DuplicateKeyException.class;
            case FOREIGN_KEY_VIOLATION, NOT_NULL_VIOLATION, VALUE_TOO_LONG, VALUE_OUT_OF_RANGE ->
                    DataIntegrityViolationException.class;
            case WRITE_CONFLICT -> PessimisticLockingFailureException.class;
            case TIMEOUT -> QueryTimeoutException.class;
            case CONNECTION_TIMEOUT, CONNECTION_CLOSED -> DataAccessResourceFailureException.class;
            case MISSING_TABLE, MISSING_COLUMN, TOO_MANY_BIND_VARIABLES -> InvalidDataAccessResourceUsageException.class;
            case OTHER -> DataAccessException.class;
        };
        DataAccessException translated = find(error, expected);
        if (translated != null) {
            return translated;
        }
        Throwable root = error instanceof DataAccessException d && d.getCause() != null ? d.getCause() : error;
        String message = root.getMessage();
        return switch (kind) {
            case UNIQUE_VIOLATION -> new DuplicateKeyException(message, root);
            case FOREIGN_KEY_VIOLATION, NOT_NULL_VIOLATION, VALUE_TOO_LONG, VALUE_OUT_OF_RANGE ->
                    new DataIntegrityViolationException(message, root);
            case WRITE_CONFLICT -> new PessimisticLockingFailureException(message, root);
            case TIMEOUT -> new QueryTimeoutException(message, root);
            case CONNECTION_TIMEOUT, CONNECTION_CLOSED -> new DataAccessResourceFailureException(message, root);
            case MISSING_TABLE, MISSING_COLUMN, TOO_MANY_BIND_VARIABLES ->
                    new InvalidDataAccessResourceUsageException(message, root);
            case OTHER -> error instanceof DataAccessException ? error
                    : new UncategorizedSQLException("prisma", null,
                            root instanceof SQLException s ? s : find(error, SQLException.class));
        };
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
