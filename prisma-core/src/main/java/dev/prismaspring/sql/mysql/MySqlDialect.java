package dev.prismaspring.sql.mysql;

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
import dev.prismaspring.sql.IndexKind;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlEnum;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.Table;
import dev.prismaspring.sql.TypeFamily;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MySQL and MariaDB: backtick quoting, inline {@code ENUM(...)} columns, indexes inside {@code CREATE TABLE},
 * tables in {@code utf8mb4}/{@code utf8mb4_unicode_ci}, foreign keys added after all tables.
 */
public final class MySqlDialect implements SqlDialect {

    /** The one instance. */
    public static final MySqlDialect INSTANCE = new MySqlDialect();

    private static final String INDENT = "    ";

    private MySqlDialect() {
    }

    @Override
    public Provider provider() {
        return Provider.MYSQL;
    }

    @Override
    public int maxIdentifierLength() {
        return 64;
    }

    @Override
    public String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** MySQL has one namespace per database: names are never qualified. */
    @Override
    public String quote(String namespace, String name) {
        return quote(name);
    }

    @Override
    public String renderColumnType(SqlSchema schema, Column column) {
        if (column.type() instanceof ColumnType.EnumRef ref) {
            SqlEnum e = schema.findEnum(ref)
                    .orElseThrow(() -> new IllegalArgumentException("unknown enum " + ref.enumName()));
            return "ENUM(" + e.values().stream().map(this::quoteString).collect(Collectors.joining(", ")) + ")";
        }
        if (column.type() instanceof ColumnType.Unsupported u) {
            return u.sql();
        }
        return MySqlTypes.render((ColumnType.Scalar) column.type());
    }

    @Override
    public DdlScript createSteps(SqlSchema schema) {
        List<DdlStep> steps = new ArrayList<>();
        for (Table t : schema.tables()) {
            steps.add(DdlStep.of("CreateTable", createTable(schema, t)));
        }
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                steps.add(DdlStep.of("AddForeignKey", addForeignKey(t, fk)));
            }
        }
        return new DdlScript(steps);
    }

    /** {@code CREATE TABLE} with columns, index clauses and the primary key. */
    public String createTable(SqlSchema schema, Table table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quote(table.name())).append(" (\n");
        sql.append(table.columns().stream().map(c -> INDENT + column(schema, c)).collect(Collectors.joining(",\n")));
        boolean hasIndexes = !table.indexes().isEmpty();
        if (hasIndexes || table.primaryKey() != null) {
            sql.append(",\n\n");
        }
        sql.append(table.indexes().stream().map(i -> INDENT + indexClause(i)).collect(Collectors.joining(",\n")));
        table.findPrimaryKey().ifPresent(pk -> {
            if (hasIndexes) {
                sql.append(",\n");
            }
            sql.append(INDENT).append("PRIMARY KEY (").append(indexColumns(pk.columns())).append(')');
        });
        return sql.append("\n) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci").toString();
    }

    /** One column definition as in {@code CREATE TABLE}, without indentation. */
    public String columnDefinition(SqlSchema schema, Column column) {
        return column(schema, column);
    }

    /** The {@code DEFAULT} expression of a column as rendered in DDL; empty when none is rendered. */
    public String defaultSql(Column column) {
        return renderDefault(column);
    }

    /** {@code CREATE [UNIQUE|FULLTEXT] INDEX `i` ON `t`(cols)}, as Prisma renders a separate index. */
    public String createIndex(Table table, Index index) {
        String prefix = index.kind() == IndexKind.UNIQUE ? "UNIQUE " : index.kind() == IndexKind.FULLTEXT
                ? "FULLTEXT " : "";
        return "CREATE " + prefix + "INDEX " + quote(index.name()) + " ON " + quote(table.name()) + "("
                + indexColumns(index.columns()) + ")";
    }

    /** The key columns as rendered in {@code PRIMARY KEY (...)}. */
    public String primaryKeyColumns(List<IndexColumn> columns) {
        return indexColumns(columns);
    }

    private String column(SqlSchema schema, Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ')
                .append(renderColumnType(schema, column))
                .append(column.arity().isRequired() ? " NOT NULL" : " NULL");
        if (column.autoIncrement()) {
            sql.append(" AUTO_INCREMENT");
        }
        String dflt = renderDefault(column);
        if (!dflt.isEmpty()) {
            sql.append(" DEFAULT ").append(dflt);
        }
        return sql.toString();
    }

    /** The default as SQL; empty where MySQL (as Prisma) renders none: JSON, bytes, sequences. */
    private String renderDefault(Column column) {
        ColumnDefault value = column.defaultValue();
        if (value == null) {
            return "";
        }
        TypeFamily family = column.type().family();
        boolean generated = value instanceof ColumnDefault.DbGenerated;
        if (family == TypeFamily.JSON || (family == TypeFamily.BINARY && !generated)
                || value instanceof ColumnDefault.ListValue || value instanceof ColumnDefault.BytesValue) {
            return "";
        }
        String now = "CURRENT_TIMESTAMP(" + MySqlTypes.timestampPrecision(column.type()) + ")";
        return Defaults.render(value, this::quoteString, now);
    }

    private String indexClause(Index index) {
        String prefix = index.kind() == IndexKind.UNIQUE ? "UNIQUE " : index.kind() == IndexKind.FULLTEXT
                ? "FULLTEXT " : "";
        return prefix + "INDEX " + quote(index.name()) + "(" + indexColumns(index.columns()) + ")";
    }

    private String indexColumns(List<IndexColumn> columns) {
        return columns.stream().map(c -> {
            StringBuilder s = new StringBuilder(quote(c.column()));
            if (c.length() != null) {
                s.append('(').append(c.length()).append(')');
            }
            if (c.sortOrder() != null) {
                s.append(' ').append(c.sortOrder().name());
            }
            return s.toString();
        }).collect(Collectors.joining(", "));
    }

    /** {@code ALTER TABLE `t` ADD CONSTRAINT `fk` FOREIGN KEY (...) REFERENCES `u`(...) ON DELETE .. ON UPDATE ..}. */
    public String addForeignKey(Table table, ForeignKey fk) {
        StringBuilder sql = new StringBuilder("ALTER TABLE ").append(quote(table.name())).append(" ADD ");
        if (fk.constraintName() != null) {
            sql.append("CONSTRAINT ").append(quote(fk.constraintName())).append(' ');
        }
        return sql.append("FOREIGN KEY (").append(joinQuoted(fk.columns())).append(") REFERENCES ")
                .append(quote(fk.referencedTable())).append('(').append(joinQuoted(fk.referencedColumns()))
                .append(") ON DELETE ").append(fk.onDelete().sql()).append(" ON UPDATE ")
                .append(fk.onUpdate().sql()).toString();
    }

    private String joinQuoted(List<String> names) {
        return names.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------------------------- query hooks

    @Override
    public int maxBindParameters() {
        return 65535;
    }

    @Override
    public String limitOffset(boolean limit, boolean offset) {
        if (offset && !limit) {
            return " LIMIT 18446744073709551615 OFFSET ?";
        }
        return SqlDialect.super.limitOffset(limit, offset);
    }

    @Override
    public String jsonObject(java.util.List<String> keysAndValues) {
        return "JSON_OBJECT(" + String.join(", ", keysAndValues) + ")";
    }

    @Override
    public String jsonArrayAgg(String expr, String orderBy) {
        return "COALESCE(JSON_ARRAYAGG(" + expr + (orderBy.isEmpty() ? "" : " ORDER BY " + orderBy) + "), JSON_ARRAY())";
    }

    @Override
    public String jsonBytes(String column) {
        return "HEX(" + column + ")";
    }

    @Override
    public String jsonText(String column) {
        return "CAST(" + column + " AS CHAR)";
    }

    /** MySQL escapes LIKE patterns with a backslash by default. */
    @Override
    public String likeEscape() {
        return "";
    }

    @Override
    public String jsonArrayElementTemplate(boolean first) {
        return first ? "JSON_EXTRACT({target}, '$[0]')"
                : "JSON_EXTRACT({target}, CONCAT('$[', JSON_LENGTH({target}) - 1, ']'))";
    }

    @Override
    public String jsonEqualsTemplate() {
        return "JSON_CONTAINS({target}, {param}) AND JSON_CONTAINS({param}, {target})";
    }

    @Override
    public String jsonTextTemplate() {
        return "JSON_UNQUOTE({target})";
    }

    @Override
    public String jsonContainsTemplate() {
        return "JSON_CONTAINS({target}, {param})";
    }

    @Override
    public String jsonExtract(String column, String pathParam) {
        return "JSON_EXTRACT(" + column + ", " + pathParam + ")";
    }

    // ---------------------------------------------------------------------------------- runtime hooks

    /** MySQL's and MariaDB's vendor codes; names are read from the message text. */
    @Override
    public DatabaseError classifyError(SQLException e) {
        String message = String.valueOf(e.getMessage()).replaceFirst("^\\(conn=\\d+\\) ", "");
        int code = e.getErrorCode();
        String vendor = String.valueOf(code);
        switch (code) {
            case 1062, 1586 -> {
                // Duplicate entry 'x' for key 'User_email_key' (MySQL 8: 'User.User_email_key')
                String key = between(message, "for key '", "'");
                String table = null;
                if (key != null && key.contains(".")) {
                    table = key.substring(0, key.lastIndexOf('.'));
                    key = key.substring(key.lastIndexOf('.') + 1);
                }
                return new DatabaseError(DatabaseError.Kind.UNIQUE_VIOLATION, key, table, List.of(), vendor, message);
            }
            case 1451, 1452 -> {
                // ... a foreign key constraint fails (`db`.`posts`, CONSTRAINT `posts_authorId_fkey` FOREIGN KEY ...
                String constraint = between(message, "CONSTRAINT `", "`");
                String table = between(message, "`.`", "`");
                return new DatabaseError(DatabaseError.Kind.FOREIGN_KEY_VIOLATION, constraint, table, List.of(), vendor,
                        message);
            }
            case 1048, 1364 -> {
                // Column 'email' cannot be null / Field 'email' doesn't have a default value
                String column = between(message, code == 1048 ? "Column '" : "Field '", "'");
                return new DatabaseError(DatabaseError.Kind.NOT_NULL_VIOLATION, null, null,
                        column == null ? List.of() : List.of(column), vendor, message);
            }
            case 1406, 1264 -> {
                // Data too long for column 'name' at row 1 / Out of range value for column 'age' at row 1
                String column = between(message, "for column '", "'");
                return new DatabaseError(code == 1406 ? DatabaseError.Kind.VALUE_TOO_LONG
                        : DatabaseError.Kind.VALUE_OUT_OF_RANGE, null, null,
                        column == null ? List.of() : List.of(column), vendor, message);
            }
            case 1213, 1020 -> {
                return DatabaseError.of(DatabaseError.Kind.WRITE_CONFLICT, vendor, message);
            }
            case 1205, 1969, 3024 -> {
                return DatabaseError.of(DatabaseError.Kind.TIMEOUT, vendor, message);
            }
            case 1927, 2006, 2013 -> {
                // the session was killed (KILL), the server has gone away, the connection was lost mid-query
                return DatabaseError.of(DatabaseError.Kind.CONNECTION_CLOSED, vendor, message);
            }
            case 1146 -> {
                return DatabaseError.of(DatabaseError.Kind.MISSING_TABLE, vendor, message);
            }
            case 1054 -> {
                return DatabaseError.of(DatabaseError.Kind.MISSING_COLUMN, vendor, message);
            }
            case 1390 -> {
                return DatabaseError.of(DatabaseError.Kind.TOO_MANY_BIND_VARIABLES, vendor, message);
            }
            default -> {
                DatabaseError generic = SqlDialect.super.classifyError(e);
                return new DatabaseError(generic.kind(), null, null, List.of(), code != 0 ? vendor : generic.code(),
                        message);
            }
        }
    }

    private static String between(String message, String prefix, String suffix) {
        int start = message.indexOf(prefix);
        if (start < 0) {
            return null;
        }
        start += prefix.length();
        int end = message.indexOf(suffix, start);
        return end < 0 ? null : message.substring(start, end);
    }

    /** JSON columns (MariaDB reports them as LONGTEXT) as Json when the driver names them so. */
    @Override
    public ScalarType rawColumnType(java.sql.ResultSetMetaData md, int column) throws SQLException {
        if ("JSON".equalsIgnoreCase(md.getColumnTypeName(column))) {
            return ScalarType.Json;
        }
        return SqlDialect.super.rawColumnType(md, column);
    }

    @Override
    public boolean supportsReturning() {
        return false;
    }

    @Override
    public String insertIgnorePrefix() {
        return "INSERT IGNORE INTO ";
    }

    /** MySQL upserts on any unique key that conflicts; the conflict columns are implied. */
    @Override
    public String upsertClause(List<String> conflictColumns, List<String> assignments) {
        return " ON DUPLICATE KEY UPDATE " + String.join(", ", assignments);
    }

    @Override
    public String excludedColumn(String quotedColumn) {
        return "VALUES(" + quotedColumn + ")";
    }

    @Override
    public String integerDivide(String left, String right) {
        return left + " DIV " + right;
    }

    @Override
    public String insertDefaultValues(String table) {
        return "INSERT INTO " + table + " () VALUES ()";
    }

    @Override
    public String lockForUpdate() {
        return " FOR UPDATE";
    }
}
