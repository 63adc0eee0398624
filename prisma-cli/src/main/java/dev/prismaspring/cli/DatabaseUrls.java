package dev.prismaspring.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opening JDBC connections for the CLI, with plain-sentence errors that never show a password. */
final class DatabaseUrls {

    private DatabaseUrls() {
    }

    /** A connection to {@code url}; a failure is an exit-2 error naming the URL (without password) and the fix. */
    static Connection connect(String url) {
        if (url == null || !url.startsWith("jdbc:")) {
            throw CliException.usage("The URL " + redact(url) + " is not a JDBC URL. Pass --url with a URL such as "
                    + "jdbc:postgresql://localhost:5432/app?user=postgres, jdbc:mariadb://localhost:3306/app?user=root "
                    + "or jdbc:sqlite:dev.db.");
        }
        // the MariaDB driver logs failed logins to stderr by itself; the CLI reports them in one sentence
        if (System.getProperty("mariadb.logging.disable") == null) {
            System.setProperty("mariadb.logging.disable", "true");
        }
        String target = url;
        if (url.startsWith("jdbc:mysql:")) {
            try {
                DriverManager.getDriver(url);
            } catch (SQLException noMysqlDriver) {
                // the bundled MariaDB driver talks to MySQL servers too
                target = "jdbc:mariadb:" + url.substring("jdbc:mysql:".length());
            }
        }
        try {
            DriverManager.setLoginTimeout(10);
            return DriverManager.getConnection(target);
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
            if (e.getSQLState() == null && reason.startsWith("No suitable driver")) {
                throw CliException.usage("No JDBC driver accepts the URL " + redact(url) + ". Use a jdbc:postgresql:, "
                        + "jdbc:mysql:, jdbc:mariadb: or jdbc:sqlite: URL.");
            }
            throw CliException.usage("Could not connect to the database at " + redact(url) + ": "
                    + redactText(reason, url) + ". Check that the database is running and that the host, port, "
                    + "database name, user and password in the URL are right.");
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = (nl < 0 ? s : s.substring(0, nl)).strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    /** The URL without password: {@code password=...} parameters and {@code user:password@} credentials masked. */
    static String redact(String url) {
        if (url == null) {
            return "(none)";
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@]+):[^@/]*@", "$1:***@");
    }

    private static String redactText(String text, String url) {
        String password = null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)password=([^&;]*)").matcher(url);
        if (m.find()) {
            password = m.group(1);
        }
        return password == null || password.isEmpty() ? text : text.replace(password, "***");
    }
}
