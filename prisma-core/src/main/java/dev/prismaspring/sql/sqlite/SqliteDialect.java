package dev.prismaspring.sql.sqlite;

import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.ColumnArity;
import dev.prismaspring.sql.ColumnDefault;
import dev.prismaspring.sql.ColumnType;
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
}
