package dev.prismaspring.cli;

import dev.prismaspring.schema.Provider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Empties a database for {@code migrate reset}, as Prisma does: everything in it goes, Liquibase's tables included.
 * PostgreSQL: the current schema is dropped with everything in it and created again. MySQL/MariaDB: every table and
 * view of the current database is dropped (the database itself stays, with its character set and grants). SQLite:
 * every table, view, index and trigger is dropped.
 */
final class DatabaseWiper {

    private DatabaseWiper() {
    }

    static void wipe(Connection c, Provider provider) throws SQLException {
        switch (provider) {
            case POSTGRESQL -> postgres(c);
            case MYSQL -> mysql(c);
            case SQLITE -> sqlite(c);
        }
    }

    private static void postgres(Connection c) throws SQLException {
        String schema = single(c, "SELECT current_schema()");
        if (schema == null) {
            throw new SQLException("the connection has no current schema (search_path)");
        }
        String q = "\"" + schema.replace("\"", "\"\"") + "\"";
        try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + q + " CASCADE");
            s.execute("CREATE SCHEMA " + q);
        }
    }

    private static void mysql(Connection c) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
                        + "WHERE TABLE_SCHEMA = DATABASE()")) {
            while (rs.next()) {
                objects.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                for (String[] o : objects) {
                    String q = "`" + o[0].replace("`", "``") + "`";
                    s.execute(("VIEW".equals(o[1]) ? "DROP VIEW IF EXISTS " : "DROP TABLE IF EXISTS ") + q);
                }
            } finally {
                s.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        }
    }

    private static void sqlite(Connection c) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                        + "AND type IN ('view', 'trigger', 'table') ORDER BY CASE type WHEN 'view' THEN 0 "
                        + "WHEN 'trigger' THEN 1 ELSE 2 END")) {
            while (rs.next()) {
                objects.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            for (String[] o : objects) {
                s.execute("DROP " + o[0].toUpperCase(java.util.Locale.ROOT) + " IF EXISTS \""
                        + o[1].replace("\"", "\"\"") + "\"");
            }
            s.execute("PRAGMA foreign_keys = ON");
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
