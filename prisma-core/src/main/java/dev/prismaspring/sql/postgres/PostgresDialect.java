package dev.prismaspring.sql.postgres;

import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.ColumnDefault;
import dev.prismaspring.sql.ColumnType;
import dev.prismaspring.sql.DatabaseError;
import dev.prismaspring.sql.DdlScript;
import dev.prismaspring.sql.DdlStep;
import dev.prismaspring.sql.Defaults;
import dev.prismaspring.sql.ForeignKey;
import dev.prismaspring.sql.Index;
import dev.prismaspring.sql.IndexColumn;
import dev.prismaspring.sql.IndexMethod;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlEnum;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL: native enum types, schema-qualified names ({@code @@schema}), {@code SERIAL} auto-increment,
 * indexes and foreign keys as separate statements after the tables.
 */
public final class PostgresDialect implements SqlDialect {

    /** The one instance. */
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private static final String INDENT = "    ";

    private PostgresDialect() {
    }

    @Override
    public Provider provider() {
        return Provider.POSTGRESQL;
    }

    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public boolean joinTablesUsePrimaryKey() {
        return true;
    }

    @Override
    public String renderColumnType(SqlSchema schema, Column column) {
        String base;
        if (column.type() instanceof ColumnType.EnumRef ref) {
            base = quote(ref.namespace(), ref.enumName());
        } else if (column.type() instanceof ColumnType.Unsupported u) {
            base = u.sql();
        } else {
            base = PostgresTypes.render((ColumnType.Scalar) column.type(), column.autoIncrement());
        }
        return column.arity().isList() ? base + "[]" : base;
    }

    @Override
    public DdlScript createSteps(SqlSchema schema) {
        List<DdlStep> steps = new ArrayList<>();
        for (String ns : schema.namespaces()) {
            steps.add(DdlStep.of("CreateSchema", "CREATE SCHEMA IF NOT EXISTS " + quote(ns)));
        }
        for (SqlEnum e : schema.enums()) {
            steps.add(DdlStep.of("CreateEnum", createEnum(e)));
        }
        for (Table t : schema.tables()) {
            steps.add(DdlStep.of("CreateTable", createTable(schema, t)));
        }
        for (Table t : schema.tables()) {
            for (Index i : t.indexes()) {
                steps.add(DdlStep.of("CreateIndex", createIndex(t, i)));
            }
        }
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                steps.add(DdlStep.of("AddForeignKey", addForeignKey(t, fk)));
            }
        }
        return new DdlScript(steps);
    }

    /** {@code CREATE TYPE "E" AS ENUM ('A', 'B')}. */
    public String createEnum(SqlEnum e) {
        return "CREATE TYPE " + quote(e.namespace(), e.name()) + " AS ENUM ("
                + e.values().stream().map(this::quoteString).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code CREATE TABLE} with columns and the named primary key constraint. */
    public String createTable(SqlSchema schema, Table table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quote(table.namespace(), table.name()))
                .append(" (\n");
        sql.append(table.columns().stream().map(c -> INDENT + column(schema, c)).collect(Collectors.joining(",\n")));
        table.findPrimaryKey().ifPresent(pk -> {
            sql.append(",\n\n").append(INDENT);
            if (pk.constraintName() != null) {
                sql.append("CONSTRAINT ").append(quote(pk.constraintName())).append(' ');
            }
            sql.append("PRIMARY KEY (")
                    .append(pk.columnNames().stream().map(this::quote).collect(Collectors.joining(",")))
                    .append(')');
        });
        return sql.append("\n)").toString();
    }

    /** One column definition as in {@code CREATE TABLE}, without indentation: {@code "name" TYPE NOT NULL DEFAULT x}. */
    public String columnDefinition(SqlSchema schema, Column column) {
        return column(schema, column);
    }

    /** The {@code DEFAULT} expression of a column as rendered in DDL; empty when none is rendered. */
    public String defaultSql(SqlSchema schema, Column column) {
        return column.defaultValue() == null ? "" : renderDefault(column.defaultValue(), renderColumnType(schema, column));
    }

    private String column(SqlSchema schema, Column column) {
        String type = renderColumnType(schema, column);
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(type);
        if (column.arity().isRequired()) {
            sql.append(" NOT NULL");
        }
        if (column.defaultValue() != null) {
            String dflt = renderDefault(column.defaultValue(), type);
            if (!dflt.isEmpty()) {
                sql.append(" DEFAULT ").append(dflt);
            }
        }
        return sql.toString();
    }

    /** A default as SQL; empty when nothing is rendered (sequences, bare {@code dbgenerated()}). */
    String renderDefault(ColumnDefault value, String fullType) {
        if (value instanceof ColumnDefault.ListValue l) {
            return "ARRAY["
                    + l.values().stream().map(v -> renderDefault(v, fullType)).collect(Collectors.joining(", "))
                    + "]::" + fullType;
        }
        if (value instanceof ColumnDefault.BytesValue b) {
            return "'\\x" + b.hex() + "'";
        }
        return Defaults.render(value, this::quoteString, "CURRENT_TIMESTAMP");
    }

    /** {@code CREATE [UNIQUE] INDEX "i" ON "t" [USING X ](cols) [WHERE p]}. */
    public String createIndex(Table table, Index index) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (index.isUnique()) {
            sql.append("UNIQUE ");
        }
        sql.append("INDEX ").append(quote(index.name())).append(" ON ").append(quote(table.namespace(), table.name()));
        if (index.method() != null && index.method() != IndexMethod.BTREE) {
            sql.append(" USING ").append(index.method().sql()).append(' ');
        }
        sql.append('(').append(index.columns().stream().map(this::indexColumn).collect(Collectors.joining(", ")))
                .append(')');
        if (index.predicate() != null) {
            sql.append(" WHERE ").append(index.predicate());
        }
        return sql.toString();
    }

    private String indexColumn(IndexColumn c) {
        StringBuilder sql = new StringBuilder(quote(c.column()));
        if (c.operatorClass() != null) {
            sql.append(' ').append(c.operatorClass());
        }
        if (c.sortOrder() != null) {
            sql.append(' ').append(c.sortOrder().name());
        }
        return sql.toString();
    }

    /** {@code ALTER TABLE "t" ADD CONSTRAINT "fk" FOREIGN KEY (...) REFERENCES "u"(...) ON DELETE .. ON UPDATE ..}. */
    public String addForeignKey(Table table, ForeignKey fk) {
        StringBuilder sql = new StringBuilder("ALTER TABLE ").append(quote(table.namespace(), table.name()))
                .append(" ADD ");
        if (fk.constraintName() != null) {
            sql.append("CONSTRAINT ").append(quote(fk.constraintName())).append(' ');
        }
        return sql.append("FOREIGN KEY (").append(joinQuoted(fk.columns())).append(") REFERENCES ")
                .append(quote(fk.referencedNamespace(), fk.referencedTable())).append('(')
                .append(joinQuoted(fk.referencedColumns())).append(") ON DELETE ").append(fk.onDelete().sql())
                .append(" ON UPDATE ").append(fk.onUpdate().sql()).toString();
    }

    private String joinQuoted(List<String> names) {
        return names.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------------------------- query hooks

    @Override
    public int maxBindParameters() {
        return 32766;
    }

    /** {@code json_build_object}; beyond its 100 arguments, jsonb objects of up to 50 pairs joined by {@code ||}. */
    @Override
    public String jsonObject(java.util.List<String> keysAndValues) {
        if (keysAndValues.size() <= 100) {
            return "json_build_object(" + String.join(", ", keysAndValues) + ")";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < keysAndValues.size(); i += 100) {
            parts.add("jsonb_build_object(" + String.join(", ",
                    keysAndValues.subList(i, Math.min(keysAndValues.size(), i + 100))) + ")");
        }
        return "(" + String.join(" || ", parts) + ")::json";
    }

    @Override
    public String jsonArrayAgg(String expr, String orderBy) {
        return "COALESCE(json_agg(" + expr + (orderBy.isEmpty() ? "" : " ORDER BY " + orderBy) + "), '[]'::json)";
    }

    @Override
    public boolean lateralJoins() {
        return true;
    }

    @Override
    public String jsonBytes(String column) {
        return "encode(" + column + ", 'hex')";
    }

    @Override
    public String jsonText(String column) {
        return "(" + column + ")::text";
    }

    @Override
    public boolean supportsInsensitiveMode() {
        return true;
    }

    @Override
    public boolean supportsScalarLists() {
        return true;
    }

    @Override
    public String jsonArrayElementTemplate(boolean first) {
        return "(({target})::jsonb -> " + (first ? "0" : "-1") + ")";
    }

    @Override
    public String jsonEqualsTemplate() {
        return "({target})::jsonb = {param}::jsonb";
    }

    @Override
    public String jsonTextTemplate() {
        return "(({target})::jsonb #>> '{}')";
    }

    @Override
    public String jsonContainsTemplate() {
        return "({target})::jsonb @> {param}::jsonb";
    }

    @Override
    public String jsonExtract(String column, String pathParam) {
        return "(" + column + ")::jsonb #> " + pathParam;
    }

    /** Every schema but {@code public}. */
    @Override
    public String queryNamespace(String schema) {
        return schema != null && !schema.equals("public") ? schema : null;
    }

    /** The path as a {@code text[]} for {@code #>}. */
    @Override
    public Object jsonPath(List<String> path) {
        return List.copyOf(path);
    }

    /** Enums and Json as {@code Types.OTHER} (cast by the server to the enum type / jsonb), native booleans. */
    @Override
    public void bindValue(PreparedStatement ps, int index, ScalarType type, Object value) throws SQLException {
        if (type == null || type == ScalarType.Json) {
            ps.setObject(index, value, Types.OTHER);
        } else if (type == ScalarType.Boolean) {
            ps.setBoolean(index, (Boolean) value);
        } else {
            SqlDialect.super.bindValue(ps, index, type, value);
        }
    }

    // ---------------------------------------------------------------------------------- runtime hooks

    /**
     * PostgreSQL's SQLStates; the constraint, table and column come from the driver's server error message
     * ({@code PSQLException.getServerErrorMessage()}, read reflectively: the driver is the application's), or else
     * from the message text.
     */
    @Override
    public DatabaseError classifyError(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = String.valueOf(e.getMessage());
        DatabaseError.Kind kind = switch (state) {
            case "23505" -> DatabaseError.Kind.UNIQUE_VIOLATION;
            case "23503" -> DatabaseError.Kind.FOREIGN_KEY_VIOLATION;
            case "23502" -> DatabaseError.Kind.NOT_NULL_VIOLATION;
            case "22001" -> DatabaseError.Kind.VALUE_TOO_LONG;
            case "22003" -> DatabaseError.Kind.VALUE_OUT_OF_RANGE;
            case "40001", "40P01" -> DatabaseError.Kind.WRITE_CONFLICT;
            case "57014", "55P03" -> DatabaseError.Kind.TIMEOUT;
            case "42P01" -> DatabaseError.Kind.MISSING_TABLE;
            case "42703" -> DatabaseError.Kind.MISSING_COLUMN;
            case "54000" -> DatabaseError.Kind.TOO_MANY_BIND_VARIABLES;
            // the backend was terminated (pg_terminate_backend), the server is shutting down or in recovery
            case "57P01", "57P02", "57P03" -> DatabaseError.Kind.CONNECTION_CLOSED;
            default -> null;
        };
        if (kind == null) {
            return SqlDialect.super.classifyError(e);
        }
        String constraint = serverField(e, "getConstraint");
        String table = serverField(e, "getTable");
        String column = serverField(e, "getColumn");
        String text = serverField(e, "getMessage");
        if (constraint == null) {
            constraint = quoted(message, "constraint \"");
        }
        if (table == null) {
            table = quoted(message, kind == DatabaseError.Kind.NOT_NULL_VIOLATION ? "of relation \"" : "on table \"");
        }
        if (column == null && kind == DatabaseError.Kind.NOT_NULL_VIOLATION) {
            column = quoted(message, "in column \"");
        }
        return new DatabaseError(kind, constraint, table, column == null ? List.of() : List.of(column), state,
                text != null ? text : message);
    }

    /** A field of the driver's ServerErrorMessage, or null. */
    private static String serverField(SQLException e, String getter) {
        try {
            Object server = e.getClass().getMethod("getServerErrorMessage").invoke(e);
            if (server == null) {
                return null;
            }
            Object value = server.getClass().getMethod(getter).invoke(server);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException | RuntimeException ex) {
            return null;
        }
    }

    /** The text between {@code prefix} and the next double quote in {@code message}, or null. */
    private static String quoted(String message, String prefix) {
        int start = message.indexOf(prefix);
        if (start < 0) {
            return null;
        }
        start += prefix.length();
        int end = message.indexOf('"', start);
        return end < 0 ? null : message.substring(start, end);
    }

    /** Json and jsonb as Json, uuid as text, the rest as JDBC types say. */
    @Override
    public ScalarType rawColumnType(java.sql.ResultSetMetaData md, int column) throws SQLException {
        String name = md.getColumnTypeName(column);
        if (name.equals("json") || name.equals("jsonb")) {
            return ScalarType.Json;
        }
        if (name.equals("uuid")) {
            return ScalarType.String;
        }
        return SqlDialect.super.rawColumnType(md, column);
    }

    /** {@code timestamptz} values are read with their offset. */
    @Override
    public Object readRawValue(java.sql.ResultSet rs, int index, ScalarType type) throws SQLException {
        if (type == ScalarType.DateTime && rs.getMetaData().getColumnTypeName(index).equals("timestamptz")) {
            return rs.getObject(index, java.time.OffsetDateTime.class);
        }
        if (type == ScalarType.DateTime && rs.getMetaData().getColumnTypeName(index).equals("date")) {
            java.sql.Date d = rs.getDate(index);
            return d == null ? null : d.toLocalDate().atStartOfDay();
        }
        return readValue(rs, index, type);
    }

    @Override
    public String insertIgnorePrefix() {
        return "INSERT INTO ";
    }

    @Override
    public String insertIgnoreSuffix() {
        return " ON CONFLICT DO NOTHING";
    }

    @Override
    public String lockForUpdate() {
        return " FOR UPDATE";
    }

    @Override
    public String scalarListPush(String column, String param) {
        return "COALESCE(" + column + ", '{}') || " + param;
    }

    @Override
    public String upsertExistingColumn(String table, String quotedColumn) {
        return table + "." + quotedColumn;
    }
}
