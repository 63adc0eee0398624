package dev.prismaspring.sql.mysql;

import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.ColumnArity;
import dev.prismaspring.sql.ColumnDefault;
import dev.prismaspring.sql.ColumnType;
import dev.prismaspring.sql.ForeignKey;
import dev.prismaspring.sql.Index;
import dev.prismaspring.sql.IndexColumn;
import dev.prismaspring.sql.IndexKind;
import dev.prismaspring.sql.IntrospectedDefaults;
import dev.prismaspring.sql.Introspector;
import dev.prismaspring.sql.PrimaryKey;
import dev.prismaspring.sql.ReferentialAction;
import dev.prismaspring.sql.SortOrder;
import dev.prismaspring.sql.SqlEnum;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.Table;
import dev.prismaspring.sql.TypeFamily;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB introspection through {@code information_schema} of the current database. Inline
 * {@code ENUM(...)} columns become enums named {@code <table>_<column>} (as the calculator names them); MariaDB's
 * {@code JSON} (a {@code LONGTEXT} with a {@code json_valid} check) comes back as {@code Json}. The indexes MySQL
 * creates for foreign keys are ordinary indexes named after the constraint, and are kept.
 */
public final class MySqlIntrospector implements Introspector {

    /** The one instance. */
    public static final MySqlIntrospector INSTANCE = new MySqlIntrospector();

    private static final Pattern ARGS = Pattern.compile("\\((\\d+)(?:,\\s*(\\d+))?\\)");

    private MySqlIntrospector() {
    }

    @Override
    public Provider provider() {
        return Provider.MYSQL;
    }

    @Override
    public SqlSchema introspect(Connection connection, List<String> schemas) throws SQLException {
        boolean mariadb;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            mariadb = rs.getString(1).toLowerCase(Locale.ROOT).contains("mariadb");
        }
        Map<String, Table.Builder> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT TABLE_NAME FROM information_schema.TABLES
                WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'
                ORDER BY BINARY TABLE_NAME""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!Introspector.isIgnoredTable(name)) {
                    tables.put(name, Table.builder(name));
                }
            }
        }
        Set<String> jsonColumns = new HashSet<>();
        if (mariadb) {
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS
                    WHERE CONSTRAINT_SCHEMA = DATABASE()""");
                    ResultSet rs = ps.executeQuery()) {
                Pattern p = Pattern.compile("^json_valid\\(`(.+)`\\)$");
                while (rs.next()) {
                    Matcher m = p.matcher(rs.getString(2).trim());
                    if (m.matches()) {
                        jsonColumns.add(rs.getString(1) + "\u0000" + m.group(1).replace("``", "`"));
                    }
                }
            }
        }
        List<SqlEnum> enums = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,
                       DATETIME_PRECISION
                FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
                ORDER BY BINARY TABLE_NAME, ORDINAL_POSITION""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String tableName = rs.getString(1);
                Table.Builder table = tables.get(tableName);
                if (table == null) {
                    continue;
                }
                String name = rs.getString(2);
                String dataType = rs.getString(3).toLowerCase(Locale.ROOT);
                String columnType = rs.getString(4);
                boolean nullable = "YES".equals(rs.getString(5));
                String dflt = rs.getString(6);
                String extra = rs.getString(7) == null ? "" : rs.getString(7).toLowerCase(Locale.ROOT);
                long precision = rs.getLong(8);
                ColumnType type;
                if (dataType.equals("enum")) {
                    String enumName = tableName + "_" + name;
                    enums.add(new SqlEnum(null, enumName, enumValues(columnType)));
                    type = new ColumnType.EnumRef(null, enumName);
                } else if (jsonColumns.contains(tableName + "\u0000" + name)) {
                    type = ColumnType.Scalar.of(TypeFamily.JSON, "Json");
                } else {
                    type = scalarType(dataType, columnType.toLowerCase(Locale.ROOT), precision);
                    if (type == null) {
                        type = new ColumnType.Unsupported(columnType);
                    }
                }
                boolean autoIncrement = extra.contains("auto_increment");
                ColumnDefault value = autoIncrement ? null
                        : parseDefault(dflt, type, mariadb, extra.contains("default_generated"));
                table.column(new Column(name, type, nullable ? ColumnArity.NULLABLE : ColumnArity.REQUIRED, value,
                        autoIncrement));
            }
        }
        indexes(connection, tables);
        foreignKeys(connection, tables);
        SqlSchema.Builder schema = SqlSchema.builder();
        enums.forEach(schema::enumType);
        tables.values().forEach(b -> schema.table(b.build()));
        return schema.build();
    }

    private static List<String> enumValues(String columnType) {
        String body = columnType.substring(columnType.indexOf('(') + 1, columnType.lastIndexOf(')'));
        List<String> values = new ArrayList<>();
        for (String part : IntrospectedDefaults.splitTopLevel(body)) {
            String[] lit = IntrospectedDefaults.stringLiteral(part, true);
            values.add(lit == null ? part : lit[0]);
        }
        return values;
    }

    /** The calculator's type for a MySQL column type, or {@code null} when Prisma has none. */
    static ColumnType.Scalar scalarType(String dataType, String columnType, long precision) {
        boolean unsigned = columnType.contains("unsigned");
        Matcher m = ARGS.matcher(columnType);
        Long a1 = null;
        Long a2 = null;
        if (m.find()) {
            a1 = Long.parseLong(m.group(1));
            a2 = m.group(2) == null ? null : Long.parseLong(m.group(2));
        }
        return switch (dataType) {
            case "int", "integer" -> ColumnType.Scalar.of(TypeFamily.INT, unsigned ? "UnsignedInt" : "Int");
            case "smallint" -> ColumnType.Scalar.of(TypeFamily.INT, unsigned ? "UnsignedSmallInt" : "SmallInt");
            case "mediumint" -> ColumnType.Scalar.of(TypeFamily.INT, unsigned ? "UnsignedMediumInt" : "MediumInt");
            case "tinyint" -> columnType.startsWith("tinyint(1)")
                    ? ColumnType.Scalar.of(TypeFamily.BOOLEAN, unsigned ? "UnsignedTinyInt" : "TinyInt")
                    : ColumnType.Scalar.of(TypeFamily.INT, unsigned ? "UnsignedTinyInt" : "TinyInt");
            case "bigint" -> ColumnType.Scalar.of(TypeFamily.BIG_INT, unsigned ? "UnsignedBigInt" : "BigInt");
            case "year" -> ColumnType.Scalar.of(TypeFamily.INT, "Year");
            case "decimal", "numeric" -> a1 == null ? ColumnType.Scalar.of(TypeFamily.DECIMAL, "Decimal")
                    : ColumnType.Scalar.of(TypeFamily.DECIMAL, "Decimal", a1, a2 == null ? 0 : a2);
            case "float" -> ColumnType.Scalar.of(TypeFamily.FLOAT, "Float");
            case "double" -> ColumnType.Scalar.of(TypeFamily.FLOAT, "Double");
            case "bit" -> a1 != null && a1 == 1 ? ColumnType.Scalar.of(TypeFamily.BOOLEAN, "Bit", 1)
                    : ColumnType.Scalar.of(TypeFamily.BINARY, "Bit", a1 == null ? 1 : a1);
            case "char" -> ColumnType.Scalar.of(TypeFamily.STRING, "Char", a1 == null ? 1 : a1);
            case "varchar" -> ColumnType.Scalar.of(TypeFamily.STRING, "VarChar", a1 == null ? 1 : a1);
            case "binary" -> ColumnType.Scalar.of(TypeFamily.BINARY, "Binary", a1 == null ? 1 : a1);
            case "varbinary" -> ColumnType.Scalar.of(TypeFamily.BINARY, "VarBinary", a1 == null ? 1 : a1);
            case "tinyblob" -> ColumnType.Scalar.of(TypeFamily.BINARY, "TinyBlob");
            case "blob" -> ColumnType.Scalar.of(TypeFamily.BINARY, "Blob");
            case "mediumblob" -> ColumnType.Scalar.of(TypeFamily.BINARY, "MediumBlob");
            case "longblob" -> ColumnType.Scalar.of(TypeFamily.BINARY, "LongBlob");
            case "tinytext" -> ColumnType.Scalar.of(TypeFamily.STRING, "TinyText");
            case "text" -> ColumnType.Scalar.of(TypeFamily.STRING, "Text");
            case "mediumtext" -> ColumnType.Scalar.of(TypeFamily.STRING, "MediumText");
            case "longtext" -> ColumnType.Scalar.of(TypeFamily.STRING, "LongText");
            case "json" -> ColumnType.Scalar.of(TypeFamily.JSON, "Json");
            case "date" -> ColumnType.Scalar.of(TypeFamily.DATE_TIME, "Date");
            case "time" -> precisioned("Time", precision);
            case "datetime" -> precisioned("DateTime", precision);
            case "timestamp" -> precisioned("Timestamp", precision);
            default -> null;
        };
    }

    private static ColumnType.Scalar precisioned(String name, long precision) {
        return precision > 0 ? ColumnType.Scalar.of(TypeFamily.DATE_TIME, name, precision)
                : ColumnType.Scalar.of(TypeFamily.DATE_TIME, name);
    }

    /**
     * A {@code COLUMN_DEFAULT} read back. MariaDB quotes string literals and writes {@code NULL} for "no default"
     * on nullable columns; MySQL 8 gives strings unquoted and flags expressions {@code DEFAULT_GENERATED}.
     */
    static ColumnDefault parseDefault(String dflt, ColumnType type, boolean mariadb, boolean generated) {
        if (dflt == null || (mariadb && dflt.equals("NULL"))) {
            return null;
        }
        String lower = dflt.toLowerCase(Locale.ROOT);
        TypeFamily family = type.family();
        if (family == TypeFamily.DATE_TIME && (lower.startsWith("current_timestamp") || lower.startsWith("now("))) {
            return new ColumnDefault.Now();
        }
        if (type instanceof ColumnType.Unsupported) {
            return new ColumnDefault.DbGenerated(dflt);
        }
        String literal;
        boolean quoted;
        if (mariadb) {
            String[] lit = IntrospectedDefaults.stringLiteral(dflt, true);
            if (lit != null && lit[1].isBlank()) {
                literal = lit[0];
                quoted = true;
            } else if (IntrospectedDefaults.isNumber(dflt)) {
                literal = dflt;
                quoted = false;
            } else {
                return new ColumnDefault.DbGenerated(dflt);
            }
        } else {
            if (generated) {
                return new ColumnDefault.DbGenerated(dflt);
            }
            literal = dflt;
            quoted = !IntrospectedDefaults.isNumber(dflt);
        }
        if (type instanceof ColumnType.EnumRef) {
            return new ColumnDefault.EnumValue(literal);
        }
        ColumnDefault v = IntrospectedDefaults.literal(family, literal, true);
        if (v == null && family == TypeFamily.STRING && !quoted) {
            v = new ColumnDefault.StringValue(literal);
        }
        return v != null ? v : new ColumnDefault.DbGenerated(dflt);
    }

    private void indexes(Connection connection, Map<String, Table.Builder> tables) throws SQLException {
        record Row(boolean unique, String type, List<IndexColumn> columns) {
        }
        Map<List<String>, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, COLLATION
                FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
                ORDER BY BINARY TABLE_NAME, BINARY INDEX_NAME, SEQ_IN_INDEX""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> id = List.of(rs.getString(1), rs.getString(2));
                boolean unique = rs.getInt(3) == 0;
                String type = rs.getString(6);
                Row row = rows.computeIfAbsent(id, k -> new Row(unique, type, new ArrayList<>()));
                String column = rs.getString(4);
                if (column == null) {
                    row.columns.add(null); // functional key part
                    continue;
                }
                Object sub = rs.getObject(5);
                Integer length = sub == null ? null : ((Number) sub).intValue();
                SortOrder sort = "D".equals(rs.getString(7)) ? SortOrder.DESC : null;
                row.columns.add(new IndexColumn(column, sort, length, null));
            }
        }
        for (Map.Entry<List<String>, Row> e : rows.entrySet()) {
            Table.Builder table = tables.get(e.getKey().get(0));
            Row row = e.getValue();
            if (table == null || row.columns.contains(null)) {
                continue;
            }
            String name = e.getKey().get(1);
            if (name.equals("PRIMARY")) {
                table.primaryKey(new PrimaryKey(null, row.columns));
                continue;
            }
            IndexKind kind = "FULLTEXT".equalsIgnoreCase(row.type) ? IndexKind.FULLTEXT
                    : row.unique ? IndexKind.UNIQUE : IndexKind.NORMAL;
            table.index(new Index(name, kind, row.columns, null, null));
        }
    }

    private void foreignKeys(Connection connection, Map<String, Table.Builder> tables) throws SQLException {
        record Fk(String table, String refTable, String onDelete, String onUpdate, List<String> columns,
                List<String> refColumns) {
        }
        Map<List<String>, Fk> fks = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_NAME, r.DELETE_RULE, r.UPDATE_RULE,
                       k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME
                FROM information_schema.KEY_COLUMN_USAGE k
                JOIN information_schema.REFERENTIAL_CONSTRAINTS r
                  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
                 AND r.TABLE_NAME = k.TABLE_NAME
                WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
                  AND k.REFERENCED_TABLE_SCHEMA = DATABASE()
                ORDER BY BINARY k.TABLE_NAME, BINARY k.CONSTRAINT_NAME, k.ORDINAL_POSITION""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> id = List.of(rs.getString(1), rs.getString(2));
                Fk fk = fks.get(id);
                if (fk == null) {
                    fk = new Fk(rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5),
                            new ArrayList<>(), new ArrayList<>());
                    fks.put(id, fk);
                }
                fk.columns.add(rs.getString(6));
                fk.refColumns.add(rs.getString(7));
            }
        }
        for (Map.Entry<List<String>, Fk> e : fks.entrySet()) {
            Fk fk = e.getValue();
            Table.Builder table = tables.get(fk.table);
            if (table == null || !tables.containsKey(fk.refTable)) {
                continue;
            }
            table.foreignKey(ForeignKey.of(e.getKey().get(1), fk.columns, fk.refTable, fk.refColumns,
                    action(fk.onDelete), action(fk.onUpdate)));
        }
    }

    static ReferentialAction action(String rule) {
        return switch (rule == null ? "" : rule.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            case "RESTRICT" -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }
}
