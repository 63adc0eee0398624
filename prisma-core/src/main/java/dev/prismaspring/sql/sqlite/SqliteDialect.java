package dev.prismaspring.sql.sqlite;

import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.ColumnArity;
import dev.prismaspring.sql.ColumnDefault;
import dev.prismaspring.sql.ColumnType;
import dev.prismaspring.sql.DatabaseError;
import dev.prismaspring.sql.DdlScript;
import dev.prismaspring.sql.DdlStep;
import dev.prismaspring.sql.Defaults;
import dev.prismaspring.sql.ForeignKey;
import dev.prismaspring.sql.Index;
import dev.prismaspring.sql.IndexColumn;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.Table;
import dev.prismaspring.sql.TypeFamily;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQLite: no native types or enums (types by family), a single integer primary key as
 * {@code INTEGER PRIMARY KEY AUTOINCREMENT}, foreign keys inside {@code CREATE TABLE}, indexes after the tables.
 */
public final class SqliteDialect implements SqlDialect {

    /** The one instance. */
    public static final SqliteDialect INSTANCE = new SqliteDialect();

    private static final String INDENT = "    ";

    private SqliteDialect() {
    }

    @Override
    public Provider provider() {
        return Provider.SQLITE;
    }

    /** SQLite has no identifier length limit. */
    @Override
    public int maxIdentifierLength() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** One namespace per database file: names are never qualified. */
    @Override
    public String quote(String namespace, String name) {
        return quote(name);
    }

    @Override
    public String renderColumnType(SqlSchema schema, Column column) {
        if (column.type() instanceof ColumnType.Unsupported u) {
            return u.sql();
        }
        return switch (column.type().family()) {
            case BOOLEAN -> "BOOLEAN";
            case DATE_TIME -> "DATETIME";
            case FLOAT -> "REAL";
            case DECIMAL -> "DECIMAL";
            case INT -> "INTEGER";
            case BIG_INT -> "BIGINT";
            case STRING, UUID -> "TEXT";
            case BINARY -> "BLOB";
            case JSON -> "JSONB";
        };
    }

    @Override
    public DdlScript createSteps(SqlSchema schema) {
        List<DdlStep> steps = new ArrayList<>();
        for (Table t : schema.tables()) {
            steps.add(DdlStep.of("CreateTable", createTable(schema, t)));
        }
        for (Table t : schema.tables()) {
            for (Index i : t.indexes()) {
                steps.add(DdlStep.of("CreateIndex", createIndex(t, i)));
            }
        }
        return new DdlScript(steps);
    }

    /** {@code CREATE TABLE} with columns, a composite primary key and the foreign keys. */
    public String createTable(SqlSchema schema, Table table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quote(table.name())).append(" (\n");
        sql.append(table.columns().stream().map(c -> INDENT + column(schema, table, c))
                .collect(Collectors.joining(",\n")));
        boolean inlinePk = table.columns().stream().anyMatch(c -> table.isSinglePrimaryKey(c.name()));
        if (table.primaryKey() != null && !inlinePk) {
            sql.append(",\n\n").append(INDENT).append("PRIMARY KEY (")
                    .append(joinQuoted(table.primaryKey().columnNames())).append(')');
        }
        for (ForeignKey fk : table.foreignKeys()) {
            sql.append(",\n").append(INDENT).append(foreignKey(fk));
        }
        return sql.append("\n)").toString();
    }

    /** One column definition as in {@code CREATE TABLE}, without indentation. */
    public String columnDefinition(SqlSchema schema, Table table, Column column) {
        return column(schema, table, column);
    }

    /** The {@code DEFAULT} expression of a default as rendered in DDL; empty when none is rendered. */
    public String defaultSql(ColumnDefault value) {
        return value == null ? "" : renderDefault(value);
    }

    /** {@code CREATE TABLE} under another name (the {@code new_T} table of a redefinition). */
    public String createTableAs(SqlSchema schema, Table table, String name) {
        Table renamed = new Table(table.namespace(), name, table.columns(), table.primaryKey(), table.indexes(),
                table.foreignKeys());
        return createTable(schema, renamed);
    }

    private String column(SqlSchema schema, Table table, Column column) {
        boolean singlePk = table.isSinglePrimaryKey(column.name());
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ')
                .append(renderColumnType(schema, column));
        if (column.arity() != ColumnArity.NULLABLE) {
            sql.append(" NOT NULL");
        }
        if (singlePk) {
            sql.append(" PRIMARY KEY");
            if (column.type().family() == TypeFamily.INT) {
                sql.append(" AUTOINCREMENT");
            }
        }
        if (column.defaultValue() != null) {
            String dflt = renderDefault(column.defaultValue());
            if (!dflt.isEmpty()) {
                sql.append(" DEFAULT ").append(dflt);
            }
        }
        return sql.toString();
    }

    private String renderDefault(ColumnDefault value) {
        if (value instanceof ColumnDefault.BytesValue b) {
            return quoteString(b.hex());
        }
        if (value instanceof ColumnDefault.ListValue) {
            return "";
        }
        return Defaults.render(value, this::quoteString, "CURRENT_TIMESTAMP");
    }

    private String foreignKey(ForeignKey fk) {
        StringBuilder sql = new StringBuilder();
        if (fk.constraintName() != null) {
            sql.append("CONSTRAINT ").append(quote(fk.constraintName())).append(' ');
        }
        return sql.append("FOREIGN KEY (").append(joinQuoted(fk.columns())).append(") REFERENCES ")
                .append(quote(fk.referencedTable())).append(" (").append(joinQuoted(fk.referencedColumns()))
                .append(") ON DELETE ").append(fk.onDelete().sql()).append(" ON UPDATE ")
                .append(fk.onUpdate().sql()).toString();
    }

    /**
     * {@code CREATE [UNIQUE] INDEX "i" ON "t"(cols) [WHERE p]}; an index named {@code sqlite_*} (reserved) is
     * created with {@code writable_schema} on, as Prisma does.
     */
    public String createIndex(Table table, Index index) {
        String sql = "CREATE " + (index.isUnique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
                + quote(table.name()) + "(" + index.columns().stream().map(this::indexColumn)
                .collect(Collectors.joining(", ")) + ")"
                + (index.predicate() != null ? " WHERE " + index.predicate() : "");
        if (index.name().startsWith("sqlite_")) {
            return "Pragma writable_schema=1;\n" + sql + ";\nPragma writable_schema=0";
        }
        return sql;
    }

    private String indexColumn(IndexColumn c) {
        return c.sortOrder() == null ? quote(c.column()) : quote(c.column()) + " " + c.sortOrder().name();
    }

    private String joinQuoted(List<String> names) {
        return names.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------------------------- query hooks

    @Override
    public String limitOffset(boolean limit, boolean offset) {
        if (offset && !limit) {
            return " LIMIT -1 OFFSET ?";
        }
        return SqlDialect.super.limitOffset(limit, offset);
    }

    /**
     * DateTime as Unix epoch milliseconds (as Prisma's engine writes it), Decimal as its plain text (no
     * floating-point rounding); the rest as elsewhere.
     */
    @Override
    public void bindValue(PreparedStatement ps, int index, ScalarType type, Object value) throws SQLException {
        if (type == ScalarType.DateTime) {
            ps.setLong(index, ((Instant) value).toEpochMilli());
        } else if (type == ScalarType.Decimal) {
            ps.setString(index, ((BigDecimal) value).toPlainString());
        } else {
            SqlDialect.super.bindValue(ps, index, type, value);
        }
    }

    /** DateTime as stored: epoch milliseconds, or text dates such as {@code CURRENT_TIMESTAMP} defaults. */
    @Override
    public Object readValue(ResultSet rs, int index, ScalarType type) throws SQLException {
        return type == ScalarType.DateTime ? rs.getObject(index) : SqlDialect.super.readValue(rs, index, type);
    }

    // ---------------------------------------------------------------------------------- runtime hooks

    /**
     * SQLite's result codes as xerial reports them in the message ({@code [SQLITE_CONSTRAINT_UNIQUE] ...
     * (UNIQUE constraint failed: User.email)}); SQLite names the table and columns, never the constraint, and
     * says nothing about which foreign key failed. {@code SQLITE_BUSY} (the busy timeout ran out) is a timeout,
     * as in Prisma's engine (P1008); {@code SQLITE_BUSY_SNAPSHOT} (a WAL snapshot went stale) is a write conflict.
     */
    @Override
    public DatabaseError classifyError(SQLException e) {
        String message = String.valueOf(e.getMessage());
        String code = message.startsWith("[") && message.indexOf(']') > 0
                ? message.substring(1, message.indexOf(']')) : String.valueOf(e.getErrorCode());
        String detail = message.contains("(") && message.endsWith(")")
                ? message.substring(message.indexOf('(') + 1, message.length() - 1) : message;
        if (detail.startsWith("UNIQUE constraint failed: ") || detail.startsWith("NOT NULL constraint failed: ")) {
            List<String> qualified = List.of(detail.substring(detail.indexOf(':') + 2).split(",\\s*"));
            String table = qualified.get(0).contains(".")
                    ? qualified.get(0).substring(0, qualified.get(0).lastIndexOf('.')) : null;
            List<String> columns = qualified.stream().map(c -> c.substring(c.lastIndexOf('.') + 1)).toList();
            return new DatabaseError(detail.startsWith("UNIQUE") ? DatabaseError.Kind.UNIQUE_VIOLATION
                    : DatabaseError.Kind.NOT_NULL_VIOLATION, null, table, columns, code, detail);
        }
        if (detail.startsWith("FOREIGN KEY constraint failed")) {
            return DatabaseError.of(DatabaseError.Kind.FOREIGN_KEY_VIOLATION, code, detail);
        }
        if (code.equals("SQLITE_BUSY_SNAPSHOT")) {
            return DatabaseError.of(DatabaseError.Kind.WRITE_CONFLICT, code, detail);
        }
        if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
            return DatabaseError.of(DatabaseError.Kind.TIMEOUT, code, detail);
        }
        DatabaseError generic = SqlDialect.super.classifyError(e);
        return new DatabaseError(generic.kind(), null, null, List.of(), code, detail);
    }

    /** SQLite runs every transaction serializable. */
    @Override
    public boolean supportsIsolationLevel(int jdbcLevel) {
        return jdbcLevel == java.sql.Connection.TRANSACTION_SERIALIZABLE;
    }

    /** SQLite leaves foreign keys unchecked unless the session turns them on. */
    @Override
    public String connectionSetupSql() {
        return "PRAGMA foreign_keys = ON";
    }

    @Override
    public String connectionSetupCheckSql() {
        return "PRAGMA foreign_keys";
    }

    /**
     * By the declared column type where there is one (as Prisma's column types map), else by the value's storage
     * class: INTEGER as BigInt (SQLite integers are 64-bit), REAL as Float, TEXT as String, BLOB as Bytes.
     */
    @Override
    public ScalarType rawColumnType(java.sql.ResultSetMetaData md, int column) throws SQLException {
        String declared = md.getColumnTypeName(column);
        String type = declared == null ? "" : declared.toUpperCase(java.util.Locale.ROOT);
        if (type.startsWith("JSON")) {
            return ScalarType.Json;
        }
        if (type.equals("DATETIME") || type.equals("TIMESTAMP") || type.equals("DATE")) {
            return ScalarType.DateTime;
        }
        if (type.startsWith("DECIMAL") || type.startsWith("NUMERIC")) {
            return ScalarType.Decimal;
        }
        if (type.equals("BOOLEAN")) {
            return ScalarType.Boolean;
        }
        if (type.equals("INT") || type.equals("INTEGER") && md.getColumnName(column) != null
                && md.getTableName(column) != null && !md.getTableName(column).isEmpty()) {
            return ScalarType.Int;
        }
        if (type.startsWith("BIGINT") || type.equals("INTEGER")) {
            return ScalarType.BigInt;
        }
        if (type.equals("REAL") || type.equals("FLOAT") || type.equals("DOUBLE")) {
            return ScalarType.Float;
        }
        if (type.equals("TEXT") || type.startsWith("VARCHAR") || type.startsWith("CHAR")) {
            return ScalarType.String;
        }
        if (type.equals("BLOB")) {
            return ScalarType.Bytes;
        }
        return null;
    }
}
