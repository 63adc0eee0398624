package dev.prismaspring.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * Creates fresh databases for tests. PostgreSQL and MariaDB/MySQL servers come from
 * {@code PRISMA_TEST_POSTGRES_URL} / {@code PRISMA_TEST_MYSQL_URL} (JDBC URLs of any database on the server);
 * when a variable is unset, the local default ({@code 127.0.0.1}) is used if it answers. SQLite is always there.
 *
 * <p>{@link #create(DbKind, String)} aborts the calling test (JUnit assumption) with a printed reason when the
 * server is not available; {@link #availability(DbKind)} tells without aborting.
 */
public final class TestDatabases {

    private static final Map<DbKind, Availability> AVAILABILITY = new ConcurrentHashMap<>();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /**
     * Whether a server can be used, and why not.
     *
     * @param serverUrl the JDBC URL of the server (to its maintenance database), or {@code null}
     * @param reason    why the server is unavailable, or {@code null} when it is
     */
    public record Availability(String serverUrl, String reason) {
        public boolean available() {
            return reason == null;
        }
    }

    private TestDatabases() {
    }

    /** Whether the server of {@code kind} answers (checked once per JVM). */
    public static Availability availability(DbKind kind) {
        return AVAILABILITY.computeIfAbsent(kind, TestDatabases::probe);
    }

    private static Availability probe(DbKind kind) {
        if (kind == DbKind.SQLITE) {
            return new Availability("jdbc:sqlite:", null);
        }
        String fromEnv = System.getenv(kind.envVariable());
        String url = fromEnv != null && !fromEnv.isBlank() ? fromEnv : kind.localDefault();
        DriverManager.setLoginTimeout(5);
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(5);
            return new Availability(url, null);
        } catch (SQLException e) {
            String reason = fromEnv != null
                    ? kind.envVariable() + "=" + url + " does not answer: " + e.getMessage()
                    : kind.envVariable() + " is not set and no server answers at " + url + " (" + e.getMessage() + ")";
            return new Availability(url, reason);
        }
    }

    /**
     * A new empty database on the server of {@code kind}, named after {@code owner} (e.g. the test class) plus a
     * unique suffix. Aborts the test, printing the reason, when the server is not available.
     */
    public static TestDatabase create(DbKind kind, String owner) {
        Availability a = availability(kind);
        if (!a.available()) {
            String message = "[testdb] skipping: " + kind + " not available: " + a.reason();
            System.out.println(message);
            Assumptions.abort(message);
        }
        String name = uniqueName(owner, kind == DbKind.POSTGRES ? 63 : 64);
        try {
            return switch (kind) {
                case POSTGRES -> createPostgres(a.serverUrl(), name);
                case MYSQL -> createMysql(a.serverUrl(), name);
                case SQLITE -> createSqlite(name);
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + kind + " database " + name + ": " + e.getMessage(), e);
        }
    }

    static String uniqueName(String owner, int maxLength) {
        String base = "pt_" + owner.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
        String suffix = "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet() + "_"
                + Long.toString(System.nanoTime() % 1_000_000, 36);
        if (base.length() + suffix.length() > maxLength) {
            base = base.substring(0, maxLength - suffix.length());
        }
        return base + suffix;
    }

    /** The server URL with its database replaced by {@code database}. */
    static String withDatabase(String serverUrl, String database) {
        int scheme = serverUrl.indexOf("//");
        int slash = serverUrl.indexOf('/', scheme + 2);
        int query = serverUrl.indexOf('?');
        if (slash < 0 || (query >= 0 && slash > query)) {
            // no path: jdbc:mariadb://host:3306?user=root
            int cut = query >= 0 ? query : serverUrl.length();
            return serverUrl.substring(0, cut) + "/" + database + serverUrl.substring(cut);
        }
        int end = query >= 0 ? query : serverUrl.length();
        return serverUrl.substring(0, slash + 1) + database + serverUrl.substring(end);
    }

    private static void run(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static TestDatabase createPostgres(String serverUrl, String name) throws SQLException {
        run(serverUrl, "CREATE DATABASE \"" + name + "\"");
        return new TestDatabase(DbKind.POSTGRES, name, withDatabase(serverUrl, name), () -> dropPostgres(serverUrl, name));
    }

    private static void dropPostgres(String serverUrl, String name) {
        try {
            run(serverUrl, "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            // servers before 13 know no FORCE: end the sessions, then drop
            try {
                run(serverUrl, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                        + "' AND pid <> pg_backend_pid()");
                run(serverUrl, "DROP DATABASE IF EXISTS \"" + name + "\"");
            } catch (SQLException again) {
                System.out.println("[testdb] could not drop PostgreSQL database " + name + ": " + again.getMessage());
            }
        }
    }

    private static TestDatabase createMysql(String serverUrl, String name) throws SQLException {
        run(serverUrl, "CREATE DATABASE `" + name + "`");
        return new TestDatabase(DbKind.MYSQL, name, withDatabase(serverUrl, name), () -> {
            try {
                run(serverUrl, "DROP DATABASE IF EXISTS `" + name + "`");
            } catch (SQLException e) {
                System.out.println("[testdb] could not drop MySQL database " + name + ": " + e.getMessage());
            }
        });
    }

    private static TestDatabase createSqlite(String name) {
        try {
            Path file = Files.createTempFile(name, ".db");
            return new TestDatabase(DbKind.SQLITE, file.toString(), "jdbc:sqlite:" + file, () -> {
                try {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(Path.of(file + "-journal"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server URL of {@code kind} when available. */
    public static Optional<String> serverUrl(DbKind kind) {
        Availability a = availability(kind);
        return a.available() ? Optional.of(a.serverUrl()) : Optional.empty();
    }
}
