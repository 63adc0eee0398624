package dev.prismaspring.sql.sqlite;

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
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.Table;
import dev.prismaspring.sql.TypeFamily;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * SQLite introspection through {@code sqlite_master} and the table pragmas. Types come back by family from the
 * declared type (as Prisma reads them: {@code INTEGER} → Int, {@code BIGINT} → BigInt, {@code REAL} → Float,
 * ...); a single {@code INTEGER} primary key is the auto-incremented rowid. SQLite keeps no names of primary or
 * foreign keys.
 */
public final class SqliteIntrospector implements Introspector {

    /** The one instance. */
    public static final SqliteIntrospector INSTANCE = new SqliteIntrospector();

    private SqliteIntrospector() {
    }

    @Override
    public Provider provider() {
        return Provider.SQLITE;
    }

    private static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public SqlSchema introspect(Connection connection, List<String> schemas) throws SQLException {
        Map<String, String> tableSql = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!name.startsWith("sqlite_") && !Introspector.isIgnoredTable(name)) {
                    tableSql.put(name, rs.getString(2));
                }
            }
        }
        SqlSchema.Builder schema = SqlSchema.builder();
        for (String name : tableSql.keySet()) {
            schema.table(table(connection, name, tableSql.keySet(), tableSql.get(name)));
        }
        return schema.build();
    }

    private static final java.util.regex.Pattern FK_NAME = java.util.regex.Pattern.compile(
            "CONSTRAINT\\s+(\"(?:[^\"]|\"\")*\"|[^\\s\"]+)\\s+FOREIGN\\s+KEY\\s*\\(([^)]*)\\)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Foreign key constraint names from the CREATE TABLE text, by their column list (pragmas keep none). */
    private static Map<List<String>, String> foreignKeyNames(String createSql) {
        Map<List<String>, String> names = new LinkedHashMap<>();
        if (createSql == null) {
            return names;
        }
        java.util.regex.Matcher m = FK_NAME.matcher(createSql);
        while (m.find()) {
            List<String> cols = new ArrayList<>();
            for (String c : m.group(2).split(",")) {
                cols.add(unquote(c.trim()));
            }
            names.putIfAbsent(cols, unquote(m.group(1)));
        }
        return names;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("`") && s.endsWith("`"))) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }

    private Table table(Connection connection, String name, java.util.Set<String> known, String createSql)
            throws SQLException {
        Map<List<String>, String> fkNames = foreignKeyNames(createSql);
        Table.Builder table = Table.builder(name);
        record Col(String name, String type, boolean notNull, String dflt, int pk) {
        }
        List<Col> cols = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA table_info(" + q(name) + ")")) {
            while (rs.next()) {
                cols.add(new Col(rs.getString("name"), rs.getString("type"), rs.getInt("notnull") == 1,
                        rs.getString("dflt_value"), rs.getInt("pk")));
            }
        }
        List<Col> pkCols = cols.stream().filter(c -> c.pk > 0).sorted(java.util.Comparator.comparingInt(Col::pk))
                .toList();
        for (Col c : cols) {
            ColumnType type = type(c.type);
            boolean rowid = pkCols.size() == 1 && pkCols.get(0) == c
                    && c.type.trim().equalsIgnoreCase("INTEGER");
            ColumnDefault dflt = c.dflt == null ? null : parseDefault(c.dflt, type);
            table.column(new Column(c.name, type, c.notNull ? ColumnArity.REQUIRED : ColumnArity.NULLABLE, dflt,
                    rowid));
        }
        if (!pkCols.isEmpty()) {
            table.primaryKey(new PrimaryKey(null, pkCols.stream().map(c -> IndexColumn.of(c.name)).toList()));
        }
        // indexes
        List<String[]> indexList = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA index_list(" + q(name) + ")")) {
            while (rs.next()) {
                indexList.add(new String[] {rs.getString("name"), rs.getString("unique"), rs.getString("origin"),
                        rs.getString("partial")});
            }
        }
        indexList.sort(java.util.Comparator.comparing(a -> a[0]));
        for (String[] ix : indexList) {
            if (!"c".equals(ix[2])) {
                continue; // primary keys and inline UNIQUE constraints (sqlite_autoindex_*)
            }
            List<IndexColumn> columns = new ArrayList<>();
            boolean expression = false;
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA index_xinfo(" + q(ix[0]) + ")")) {
                while (rs.next()) {
                    if (rs.getInt("key") != 1) {
                        continue;
                    }
                    if (rs.getInt("cid") < 0) {
                        expression = true;
                        continue;
                    }
                    columns.add(new IndexColumn(rs.getString("name"),
                            rs.getInt("desc") == 1 ? SortOrder.DESC : null, null, null));
                }
            }
            if (expression || columns.isEmpty()) {
                continue;
            }
            String predicate = "1".equals(ix[3]) ? predicate(connection, ix[0]) : null;
            table.index(new Index(ix[0], "1".equals(ix[1]) ? IndexKind.UNIQUE : IndexKind.NORMAL, columns, null,
                    predicate));
        }
        // foreign keys, by id (pragma order is reversed)
        Map<Integer, List<String[]>> fks = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA foreign_key_list(" + q(name) + ")")) {
            while (rs.next()) {
                fks.computeIfAbsent(rs.getInt("id"), k -> new ArrayList<>()).add(new String[] {
                        rs.getString("table"), rs.getString("from"), rs.getString("to"), rs.getString("on_delete"),
                        rs.getString("on_update"), rs.getString("seq")});
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (List<String[]> parts : fks.values()) {
            parts.sort(java.util.Comparator.comparingInt(p -> Integer.parseInt(p[5])));
            String ref = parts.get(0)[0];
            if (!known.contains(ref)) {
                continue;
            }
            List<String> from = parts.stream().map(p -> p[1]).toList();
            List<String> to = parts.stream().map(p -> p[2]).toList();
            if (to.contains(null)) {
                to = primaryKeyColumns(connection, ref);
            }
            foreignKeys.add(ForeignKey.of(fkNames.get(from), from, ref, to, action(parts.get(0)[3]), action(parts.get(0)[4])));
        }
        foreignKeys.sort(java.util.Comparator.comparing(fk -> String.join("\u0000", fk.columns())));
        foreignKeys.forEach(table::foreignKey);
        return table.build();
    }

    private static List<String> primaryKeyColumns(Connection connection, String table) throws SQLException {
        Map<Integer, String> pk = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA table_info(" + q(table) + ")")) {
            while (rs.next()) {
                if (rs.getInt("pk") > 0) {
                    pk.put(rs.getInt("pk"), rs.getString("name"));
                }
            }
        }
        return List.copyOf(pk.values());
    }

    private static String predicate(Connection connection, String index) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '"
                        + index.replace("'", "''") + "'")) {
            if (rs.next() && rs.getString(1) != null) {
                String sql = rs.getString(1);
                int where = sql.toUpperCase(Locale.ROOT).lastIndexOf(" WHERE ");
                return where < 0 ? null : sql.substring(where + 7).trim();
            }
        }
        return null;
    }

    /** The type of a declared column type, by Prisma's SQLite rules. */
    static ColumnType type(String declared) {
        String t = declared == null ? "" : declared.trim().toUpperCase(Locale.ROOT);
        String base = t.contains("(") ? t.substring(0, t.indexOf('(')).trim() : t;
        TypeFamily family = switch (base) {
            case "INTEGER", "INT" -> TypeFamily.INT;
            case "BIGINT" -> TypeFamily.BIG_INT;
            case "REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT" -> TypeFamily.FLOAT;
            case "DECIMAL", "NUMERIC" -> TypeFamily.DECIMAL;
            case "BOOLEAN" -> TypeFamily.BOOLEAN;
            case "DATETIME", "DATE", "TIMESTAMP" -> TypeFamily.DATE_TIME;
            case "TEXT", "VARCHAR", "CHAR", "CLOB" -> TypeFamily.STRING;
            case "BLOB" -> TypeFamily.BINARY;
            case "JSONB", "JSON" -> TypeFamily.JSON;
            default -> null;
        };
        return family == null ? new ColumnType.Unsupported(declared == null ? "" : declared.trim())
                : ColumnType.Scalar.of(family);
    }

    static ColumnDefault parseDefault(String dflt, ColumnType type) {
        String e = IntrospectedDefaults.stripParens(dflt);
        String lower = e.toLowerCase(Locale.ROOT);
        TypeFamily family = type.family();
        if (family == TypeFamily.DATE_TIME && (lower.equals("current_timestamp") || lower.equals("now()"))) {
            return new ColumnDefault.Now();
        }
        if (type instanceof ColumnType.Unsupported) {
            return new ColumnDefault.DbGenerated(dflt);
        }
        String[] lit = IntrospectedDefaults.stringLiteral(e, false);
        ColumnDefault v;
        if (lit != null && lit[1].isBlank()) {
            if (family == TypeFamily.BINARY) {
                return lit[0].matches("[0-9a-fA-F]*") ? new ColumnDefault.BytesValue(lit[0].toLowerCase(Locale.ROOT))
                        : new ColumnDefault.DbGenerated(dflt);
            }
            v = IntrospectedDefaults.literal(family, lit[0], true);
        } else {
            v = IntrospectedDefaults.literal(family, e, false);
        }
        return v != null ? v : new ColumnDefault.DbGenerated(dflt);
    }

    private static ReferentialAction action(String rule) {
        return switch (rule == null ? "" : rule.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            case "RESTRICT" -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }
}
