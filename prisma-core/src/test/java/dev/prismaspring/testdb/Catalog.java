package dev.prismaspring.testdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Normalised, sorted structural dump of a database, one line per object, so that two databases built from
 * equivalent DDL give identical text.
 *
 * <p>PostgreSQL and SQLite run the very queries of the shared tools {@code pg-catalog.sh} and
 * {@code sqlite-catalog.sh} over JDBC and give the same text (the format of the corpus's expected
 * {@code *-catalog.txt} files, corpus README §8.3). MariaDB/MySQL gets a basic dump from
 * {@code information_schema}; see {@link MysqlCatalog}.
 */
public final class Catalog {

    private Catalog() {
    }

    /** The dump of {@code db} with column-order lines. */
    public static String dump(TestDatabase db) throws SQLException {
        return dump(db, true);
    }

    /** The dump of {@code db}; without {@code column-order} lines when {@code columnOrder} is false. */
    public static String dump(TestDatabase db, boolean columnOrder) throws SQLException {
        try (Connection c = db.connect()) {
            List<String> lines = switch (db.kind()) {
                case POSTGRES -> postgres(c, columnOrder);
                case SQLITE -> sqlite(c, columnOrder);
                case MYSQL -> MysqlCatalog.lines(c, columnOrder);
            };
            StringBuilder out = new StringBuilder();
            lines.forEach(l -> out.append(l).append('\n'));
            return out.toString();
        }
    }

    private static List<String> postgres(Connection c, boolean columnOrder) throws SQLException {
        String script = resource("pg-catalog.sql").replace(":'column_order'", columnOrder ? "'1'" : "'0'");
        List<String> statements = SqlScripts.split(script);
        try (Statement s = c.createStatement()) {
            for (String sql : statements.subList(0, statements.size() - 1)) {
                s.execute(sql);
            }
            // the query sorts with COLLATE "C": byte order, as the script prints it
            return column(s, statements.get(statements.size() - 1));
        }
    }

    private static List<String> sqlite(Connection c, boolean columnOrder) throws SQLException {
        String sql = SqlScripts.split(resource("sqlite-catalog.sql").replace("$COLUMN_ORDER", columnOrder ? "1" : "0"))
                .get(0);
        try (Statement s = c.createStatement()) {
            List<String> lines = column(s, sql);
            sortBytewise(lines);
            return lines;
        }
    }

    static List<String> column(Statement s, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String v = rs.getString(1);
                lines.add(v == null ? "" : v);
            }
        }
        return lines;
    }

    /** Sorts as {@code LC_ALL=C sort}: by the UTF-8 bytes. */
    static void sortBytewise(List<String> lines) {
        lines.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    }

    private static String resource(String name) {
        try (InputStream in = Catalog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
