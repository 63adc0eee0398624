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
        try (Connection c = dataSource.getConnection()) {
            return Introspector.providerOf(c);
        } catch (SQLException e) {
            throw new PrismaStartupException("Prisma could not connect to the DataSource to check its database: "
                    + e.getMessage() + ".", "Check spring.datasource.url and that the database is running.", e);
        }
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
