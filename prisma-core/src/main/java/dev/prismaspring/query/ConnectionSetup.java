package dev.prismaspring.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Runs the dialect's {@linkplain dev.prismaspring.sql.SqlDialect#connectionSetupSql() session setup} (SQLite:
 * {@code PRAGMA foreign_keys = ON}) once on each physical connection the client uses, when the connection is in
 * auto-commit mode (SQLite ignores the pragma inside a transaction; a connection first used in a transaction is
 * set up the next time it is used outside one). Pools should configure it themselves as well (SQLite URL
 * {@code ?foreign_keys=true}).
 */
final class ConnectionSetup {

    private final String sql;
    private final Map<Connection, Boolean> done = Collections.synchronizedMap(new WeakHashMap<>());

    ConnectionSetup(String sql) {
        this.sql = sql;
    }

    void apply(Connection con) throws SQLException {
        if (sql == null) {
            return;
        }
        Connection physical = con.isWrapperFor(Connection.class) ? con.unwrap(Connection.class) : con;
        if (done.containsKey(physical) || !con.getAutoCommit()) {
            return;
        }
        try (java.sql.Statement s = con.createStatement()) {
            s.execute(sql);
        }
        done.put(physical, Boolean.TRUE);
    }
}
