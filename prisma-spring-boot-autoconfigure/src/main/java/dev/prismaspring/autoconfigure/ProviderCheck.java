package dev.prismaspring.autoconfigure;

import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.Introspector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Checks that the schema's provider and the DataSource's database agree. */
final class ProviderCheck {

    private ProviderCheck() {
    }

    /** The provider of the DataSource's database. */
    static Provider providerOf(DataSource dataSource) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException | RuntimeException e) { // Hikari's pool initialisation failure is unchecked
            throw databaseDown(dataSource, e);
        }
        try (c) {
            return Introspector.providerOf(c);
        } catch (SQLException e) {
            throw new PrismaStartupException("Prisma could not read which database the DataSource is: "
                    + e.getMessage() + ".", "Check spring.datasource.url and that the database is running.", e);
        }
    }

    /** The database cannot be reached: where (URL without password), why (the innermost cause), what to check. */
    static PrismaStartupException databaseDown(DataSource dataSource, Exception e) {
        String url = DataSourceUrl.of(dataSource);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        if (root != e && e.getMessage() != null && !e.getMessage().contains(reason)) {
            reason = e.getMessage().strip() + ": " + reason;
        }
        return new PrismaStartupException("Prisma could not connect to the database at "
                + (url == null ? "the application's DataSource" : url) + " (spring.datasource.url): " + reason
                + (reason.endsWith(".") ? "" : "."), "Check that the database server is running and accepts "
                + "connections at that host and port (firewall, container network), that the database exists, "
                + "and that spring.datasource.url, spring.datasource.username and spring.datasource.password are "
                + "right.", e);
    }

    static void check(PrismaSchema schema, DataSource dataSource) {
        Provider live = providerOf(dataSource);
        if (live != schema.provider()) {
            throw new PrismaStartupException("The Prisma schema at " + schema.location() + " has provider \""
                    + schema.provider().providerName() + "\" but the DataSource (spring.datasource.url) is a "
                    + name(live) + " database.", "Make the schema's datasource provider and spring.datasource.url "
                    + "name the same kind of database.");
        }
    }

    private static String name(Provider p) {
        return switch (p) {
            case POSTGRESQL -> "PostgreSQL";
            case MYSQL -> "MySQL/MariaDB";
            case SQLITE -> "SQLite";
        };
    }

    static String lower(Provider p) {
        return p.name().toLowerCase(Locale.ROOT);
    }
}
