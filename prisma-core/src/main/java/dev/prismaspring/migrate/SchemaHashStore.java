package dev.prismaspring.migrate;

import dev.prismaspring.sql.Introspector;
import dev.prismaspring.sql.SqlDialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the {@link SchemaHash} of the schema a database was last migrated to, in a one-row table
 * {@value Introspector#SCHEMA_HASH_TABLE} ({@code hash}, {@code recorded_at} as ISO-8601 text) in the connection's
 * default schema. It is written when migrations finish and read cheaply on each status request: the same hash as
 * at the last full drift check means the cached check still describes the database's intended structure.
 * The introspector leaves the table out, so it is never drift.
 */
public final class SchemaHashStore {

    /** A recorded hash and when it was recorded. */
    public record Recorded(String hash, Instant recordedAt) {
    }

    private final SqlDialect dialect;

    public SchemaHashStore(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** Records {@code hash} (replacing the previous one), creating the table when needed. */
    public void record(Connection c, String hash, Instant at) throws SQLException {
        String table = dialect.quote(Introspector.SCHEMA_HASH_TABLE);
        boolean autoCommit = c.getAutoCommit();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (" + dialect.quote("hash") + " VARCHAR(100) NOT NULL, "
                    + dialect.quote("recorded_at") + " VARCHAR(40) NOT NULL)");
            c.setAutoCommit(false);
            s.executeUpdate("DELETE FROM " + table);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (" + dialect.quote("hash")
                    + ", " + dialect.quote("recorded_at") + ") VALUES (?, ?)")) {
                insert.setString(1, hash);
                insert.setString(2, at.toString());
                insert.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The recorded hash; empty when none was recorded (no table, or no row). */
    public Optional<Recorded> read(Connection c) throws SQLException {
        if (!tableExists(c)) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + dialect.quote("hash") + ", " + dialect.quote("recorded_at")
                        + " FROM " + dialect.quote(Introspector.SCHEMA_HASH_TABLE))) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Recorded(rs.getString(1), Instant.parse(rs.getString(2))));
        }
    }

    private static boolean tableExists(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        for (String name : new String[] {Introspector.SCHEMA_HASH_TABLE,
                Introspector.SCHEMA_HASH_TABLE.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(c.getCatalog(), schema, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
