package dev.prismaspring.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.LogFactory;

/**
 * Runs the dialect's {@linkplain dev.prismaspring.sql.SqlDialect#connectionSetupSql() session setup} (SQLite:
 * {@code PRAGMA foreign_keys = ON}) once on each physical connection the client uses, when the connection is in
 * auto-commit mode: SQLite ignores the pragma inside a transaction. The client therefore also sets up a
 * connection just before it starts a transaction ({@link #prepare}), which with a pool (that hands a thread its
 * last connection, as Hikari does) or a single connection is the one the transaction gets. When a transaction
 * still runs on a connection without foreign keys, a warning says to configure the URL
 * ({@code jdbc:sqlite:app.db?foreign_keys=true}).
 */
public final class ConnectionSetup {

    private final String sql;
    private final String checkSql;
    private final Map<Connection, Boolean> done = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicBoolean warned = new AtomicBoolean();

    public ConnectionSetup(dev.prismaspring.sql.SqlDialect dialect) {
        this.sql = dialect.connectionSetupSql();
        this.checkSql = dialect.connectionSetupCheckSql();
    }

    /** Whether there is anything to set up. */
    public boolean needed() {
        return sql != null;
    }

    /** Sets up {@code con} if it is not yet and is outside a transaction. */
    public void apply(Connection con) throws SQLException {
        if (sql == null) {
            return;
        }
        Connection physical = con.isWrapperFor(Connection.class) ? con.unwrap(Connection.class) : con;
        if (done.containsKey(physical)) {
            return;
        }
        if (!con.getAutoCommit()) {
            warnIfOff(con, physical);
            return;
        }
        try (java.sql.Statement s = con.createStatement()) {
            s.execute(sql);
        }
        done.put(physical, Boolean.TRUE);
    }

    /** Sets up the connection the data source hands out now (before a transaction starts on it). */
    public void prepare(javax.sql.DataSource dataSource) {
        if (sql == null) {
            return;
        }
        Connection con = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
        try {
            apply(con);
        } catch (SQLException e) {
            // the transaction's own statements will report a broken connection
        } finally {
            org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    private void warnIfOff(Connection con, Connection physical) throws SQLException {
        // the URL may have set the session up already
        if (checkSql != null) {
            try (java.sql.Statement s = con.createStatement(); ResultSet rs = s.executeQuery(checkSql)) {
                if (rs.next() && rs.getInt(1) == 1) {
                    done.put(physical, Boolean.TRUE);
                    return;
                }
            }
        }
        if (warned.compareAndSet(false, true)) {
            LogFactory.getLog(ConnectionSetup.class).warn("A transaction runs on a connection that was not set up "
                    + "with '" + sql + "' (it has no effect inside a transaction). Configure the connection pool or "
                    + "the JDBC URL to do it (SQLite: ?foreign_keys=true).");
        }
    }
}
