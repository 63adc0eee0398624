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
        if (url == null) {
            return "(none)";
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@?]+):[^@/?]*@", "$1:***@");
    }

    /**
     * The URL the bundled drivers accept: {@code jdbc:mysql:} URLs go to the MariaDB driver, which takes them
     * with its {@code permitMysqlScheme} option.
     */
    static String driverUrl(String url) {
        if (url.startsWith("jdbc:mysql:") && !url.contains("permitMysqlScheme")) {
            return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
        }
        return url;
    }

    /** A connection (auto-commit on), or a CLI error (exit 2) naming the URL without password, and the fix. */
    static Connection connect(String url) {
        provider(url);
        try {
            DriverManager.setLoginTimeout(10);
            return DriverManager.getConnection(driverUrl(url));
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
            throw CliException.usage("Could not connect to the database at " + redact(url) + ": "
                    + withoutPassword(reason, url) + ". Check that the database is running and that the host, port, "
                    + "database name, user and password in the URL are right.");
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = (nl < 0 ? s : s.substring(0, nl)).strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    /** Drivers may quote the URL in their messages: mask its password there too. */
    private static String withoutPassword(String text, String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)password=([^&;]*)").matcher(url);
        return m.find() && !m.group(1).isEmpty() ? text.replace(m.group(1), "***") : text;
    }
}
