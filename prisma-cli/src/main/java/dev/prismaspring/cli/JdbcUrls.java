package dev.prismaspring.cli;

import dev.prismaspring.schema.Provider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/** JDBC URLs: the provider they point at, a printable form without password, and connecting with CLI errors. */
final class JdbcUrls {

    /** The MariaDB driver logs SQL errors on the console unless told otherwise: the CLI reports them itself. */
    private static final java.util.logging.Logger MARIADB_LOG = java.util.logging.Logger.getLogger("org.mariadb.jdbc");

    static {
        if (System.getProperty("mariadb.logging.fallback") == null) {
            System.setProperty("mariadb.logging.fallback", "JDK");
        }
        MARIADB_LOG.setLevel(java.util.logging.Level.OFF);
    }

    private JdbcUrls() {
    }

    /** The provider of a JDBC URL; a usage error for other URLs. */
    static Provider provider(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return Provider.POSTGRESQL;
        }
        if (u.startsWith("jdbc:mysql:") || u.startsWith("jdbc:mariadb:")) {
            return Provider.MYSQL;
        }
        if (u.startsWith("jdbc:sqlite:")) {
            return Provider.SQLITE;
        }
        throw CliException.usage("The URL " + redact(url) + " is not a JDBC URL of a supported database. Use "
                + "jdbc:postgresql://..., jdbc:mysql://..., jdbc:mariadb://... or jdbc:sqlite:FILE.");
    }

    /** The URL with any password (a {@code password=} parameter, or {@code user:password@}) replaced by {@code ***}. */
    static String redact(String url) {
        return url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***")
                .replaceAll("(//[^/@:?]+:)[^/@?]*@", "$1***@");
    }

    /** A connection (auto-commit on), or a CLI error (exit 2) naming the URL and the fix. */
    static Connection connect(String url) {
        provider(url);
        try {
            DriverManager.setLoginTimeout(10);
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().strip();
            int newline = reason.indexOf('\n');
            if (newline > 0) {
                reason = reason.substring(0, newline);
            }
            throw CliException.usage("Could not connect to the database at " + redact(url) + " (" + reason
                    + "). Check that the server is running and that the URL, user and password are right.");
        }
    }
}
