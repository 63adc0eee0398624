package dev.prismaspring.testdb;

import dev.prismaspring.sql.SqlDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A fresh, empty database that one test class (or test) owns: a PostgreSQL or MariaDB database created under a
 * unique name, or a temporary SQLite file. {@link #close()} drops it.
 */
public final class TestDatabase implements AutoCloseable {

    private final DbKind kind;
    private final String name;
    private final String jdbcUrl;
    private final Runnable dropper;
    private boolean closed;

    TestDatabase(DbKind kind, String name, String jdbcUrl, Runnable dropper) {
        this.kind = kind;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.dropper = dropper;
    }

    /** Which server this database lives on. */
    public DbKind kind() {
        return kind;
    }

    /** The database name (SQLite: the file path). */
    public String name() {
        return name;
    }

    /** A JDBC URL that connects to this database. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The dialect of the server. */
    public SqlDialect dialect() {
        return kind.dialect();
    }

    /** A new connection (auto-commit on); the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    /** Runs every statement of an SQL script, in order, stopping at the first error. */
    public void execute(String script) throws SQLException {
        executeAll(SqlScripts.split(script));
    }

    /** Runs the statements, in order, stopping at the first error (which names the failing statement). */
    public void executeAll(List<String> statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + "\n  in statement: " + sql, e.getSQLState(), e);
                }
            }
        }
    }

    /** The normalised structural dump of this database (see {@link Catalog}). */
    public String catalog() throws SQLException {
        return Catalog.dump(this);
    }

    /** Drops the database (idempotent). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            dropper.run();
        }
    }

    @Override
    public String toString() {
        return kind + " database " + name;
    }
}
