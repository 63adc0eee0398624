package dev.prismaspring.testdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Basic structural dump of the current MariaDB/MySQL database from {@code information_schema}, in the spirit of
 * the PostgreSQL one (identifiers in backticks, lines sorted by bytes):
 *
 * <pre>
 * table `T` engine=E collation=C
 * column `T`.`C`: COLUMN_TYPE [NOT NULL] [DEFAULT expr] [extra]
 * column-order `T`: `a`, `b`
 * index `T`.`I`: [UNIQUE|FULLTEXT] (`a`, `b`(10) DESC) type=BTREE
 * foreign-key `T`.`NAME`: (`a`) REFERENCES `U` (`x`) ON DELETE act ON UPDATE act
 * </pre>
 *
 * DEFAULT is as {@code COLUMN_DEFAULT} reports it (MariaDB quotes string literals there).
 */
final class MysqlCatalog {

    private MysqlCatalog() {
    }

    static List<String> lines(Connection c, boolean columnOrder) throws SQLException {
        List<String> lines = new ArrayList<>();
        String db = c.getCatalog();
        query(c, "SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", db, rs -> lines.add(
                "table " + q(rs.getString(1)) + " engine=" + rs.getString(2) + " collation=" + rs.getString(3)));
        Map<String, List<String>> order = new LinkedHashMap<>();
        query(c, "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA "
                + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION", db, rs -> {
                    StringBuilder l = new StringBuilder("column ").append(q(rs.getString(1))).append('.')
                            .append(q(rs.getString(2))).append(": ").append(rs.getString(3));
                    if ("NO".equals(rs.getString(4))) {
                        l.append(" NOT NULL");
                    }
                    String dflt = rs.getString(5);
                    if (dflt != null && !(dflt.equals("NULL") && "YES".equals(rs.getString(4)))) {
                        l.append(" DEFAULT ").append(dflt);
                    }
                    String extra = rs.getString(6);
                    if (extra != null && !extra.isBlank()) {
                        l.append(' ').append(extra);
                    }
                    lines.add(l.toString());
                    order.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(q(rs.getString(2)));
                });
        if (columnOrder) {
            order.forEach((t, cols) -> lines.add("column-order " + q(t) + ": " + String.join(", ", cols)));
        }
        Map<String, String[]> indexes = new LinkedHashMap<>();
        Map<String, List<String>> indexColumns = new LinkedHashMap<>();
        query(c, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE, COLUMN_NAME, SUB_PART, COLLATION "
                + "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? "
                + "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", db, rs -> {
                    String key = q(rs.getString(1)) + "." + q(rs.getString(2));
                    indexes.putIfAbsent(key, new String[] {rs.getString(3), rs.getString(4)});
                    String col = q(rs.getString(5)) + (rs.getString(6) != null ? "(" + rs.getString(6) + ")" : "")
                            + ("D".equals(rs.getString(7)) ? " DESC" : "");
                    indexColumns.computeIfAbsent(key, k -> new ArrayList<>()).add(col);
                });
        indexes.forEach((key, info) -> {
            String type = info[1];
            String kind = "FULLTEXT".equals(type) ? "FULLTEXT " : "0".equals(info[0]) ? "UNIQUE " : "";
            lines.add("index " + key + ": " + kind + "(" + String.join(", ", indexColumns.get(key)) + ") type=" + type);
        });
        Map<String, String[]> fks = new LinkedHashMap<>();
        Map<String, List<String[]>> fkColumns = new LinkedHashMap<>();
        query(c, "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, "
                + "k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE "
                + "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
                + "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
                + "AND r.TABLE_NAME = k.TABLE_NAME "
                + "WHERE k.TABLE_SCHEMA = ? ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION", db, rs -> {
                    String key = q(rs.getString(1)) + "." + q(rs.getString(2));
                    fks.putIfAbsent(key, new String[] {rs.getString(4), rs.getString(6), rs.getString(7)});
                    fkColumns.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new String[] {q(rs.getString(3)), q(rs.getString(5))});
                });
        fks.forEach((key, info) -> {
            List<String[]> cols = fkColumns.get(key);
            lines.add("foreign-key " + key + ": (" + String.join(", ", cols.stream().map(x -> x[0]).toList())
                    + ") REFERENCES " + q(info[0]) + " (" + String.join(", ", cols.stream().map(x -> x[1]).toList())
                    + ") ON DELETE " + info[1] + " ON UPDATE " + info[2]);
        });
        Catalog.sortBytewise(lines);
        return lines;
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String db, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, db);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    private static String q(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
