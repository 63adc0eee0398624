package dev.prismaspring.migrate.files;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The migration history as Liquibase keeps it, in its {@code DATABASECHANGELOG} table, read over plain JDBC (no
 * Liquibase on the class path needed): for {@code migrate status} and the Actuator endpoint.
 */
public final class MigrationHistory {

    /** Liquibase's history table. */
    public static final String TABLE = "DATABASECHANGELOG";

    /** Liquibase's exec type of a changeset that ran. */
    public static final String EXECUTED = "EXECUTED";
    /** The exec type of a changeset that failed (written by Prisma for Spring Boot's runner; Liquibase never does). */
    public static final String FAILED = "FAILED";

    /**
     * One row of {@code DATABASECHANGELOG}.
     *
     * @param id            the changeset id: the migration folder name for Prisma migrations
     * @param author        the changeset author ({@code prisma})
     * @param filename      the changeset's logical file path
     * @param dateExecuted  when it ran
     * @param orderExecuted the position in execution order
     * @param execType      {@code EXECUTED}, {@code FAILED}, {@code MARK_RAN}, {@code RERAN}, {@code SKIPPED}
     * @param checksum      Liquibase's checksum ({@code MD5SUM}, e.g. {@code 9:0a1b...}), or {@code null}
     * @param comments      the {@code COMMENTS} column (for a failed migration, the error), or {@code null}
     */
    public record Entry(String id, String author, String filename, Instant dateExecuted, int orderExecuted,
            String execType, String checksum, String comments) {

        /** Whether this changeset failed. */
        public boolean failed() {
            return FAILED.equalsIgnoreCase(execType);
        }
    }

    private MigrationHistory() {
    }

    /** Whether the history table exists (in the connection's current catalog and schema). */
    public static boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        String schema = connection.getSchema();
        for (String name : List.of(TABLE, TABLE.toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = md.getTables(connection.getCatalog(), schema, name, new String[] {"TABLE"})) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").equalsIgnoreCase(TABLE)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The rows, in execution order; empty when the table does not exist. */
    public static List<Entry> read(Connection connection) throws SQLException {
        if (!exists(connection)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, "
                        + "MD5SUM, COMMENTS FROM " + TABLE + " ORDER BY DATEEXECUTED, ORDEREXECUTED")) {
            while (rs.next()) {
                out.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Entry::orderExecuted));
        return List.copyOf(out);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        // SQLite's driver keeps DATETIME as text: read it as text when the driver cannot convert it
        try {
            Timestamp t = rs.getTimestamp(column);
            return t == null ? null : t.toInstant();
        } catch (SQLException e) {
            String text = rs.getString(column);
            if (text == null) {
                return null;
            }
            try {
                return java.time.LocalDateTime.parse(text.replace(' ', 'T')).atZone(java.time.ZoneId.systemDefault())
                        .toInstant();
            } catch (java.time.format.DateTimeParseException again) {
                return null;
            }
        }
    }
}
