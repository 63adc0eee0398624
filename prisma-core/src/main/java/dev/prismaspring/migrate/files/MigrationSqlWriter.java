package dev.prismaspring.migrate.files;

import dev.prismaspring.schema.Provider;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a migration's {@code migration.sql} as Liquibase formatted SQL that reads like Prisma's own
 * {@code migration.sql}:
 *
 * <pre>
 * --liquibase formatted sql
 *
 * --changeset prisma:20261121093000_init logicalFilePath:prisma/migrations/20261121093000_init/migration.sql splitStatements:false rollbackSplitStatements:false
 * -- CreateTable
 * CREATE TABLE "User" (
 *     "id" SERIAL NOT NULL,
 *     ...
 * );
 *
 * --rollback DROP TABLE "User";
 * </pre>
 *
 * <p>One changeset, author {@code prisma}, id = the folder name. {@code logicalFilePath} (an attribute of the
 * {@code --changeset} line that Liquibase 4.33 and 5.x both read) fixes the {@code FILENAME} that Liquibase records
 * in {@code DATABASECHANGELOG}, so the changeset is the same one whether Liquibase reads the file from the file
 * system (the CLI) or from the classpath (a Spring Boot application), wherever the folder lies.
 *
 * <p>Statement splitting: Liquibase's splitter knows quotes and comments but not PostgreSQL's dollar quoting, so on
 * PostgreSQL the script goes to the driver whole ({@code splitStatements:false}; the PostgreSQL driver splits it
 * itself and understands {@code $$} bodies). MySQL/MariaDB drivers run one statement per call and SQLite's JDBC
 * driver only the first, so there Liquibase splits at {@code ;} ({@code splitStatements:true endDelimiter:;};
 * {@code BEGIN ... END} blocks, as in SQLite triggers, are kept together by Liquibase).
 */
public final class MigrationSqlWriter {

    /** The first line of every migration.sql. */
    public static final String HEADER = "--liquibase formatted sql";
    /** The changeset author. */
    public static final String AUTHOR = "prisma";
    /** The prefix of {@link #logicalFilePath(String)}. */
    public static final String LOGICAL_PATH_PREFIX = "prisma/migrations/";

    private static final Pattern CHANGESET = Pattern.compile(
            "(?m)^\\s*--\\s*changeset\\s+(\"[^\"]+\"|[^:\\s]+):\\s*(\"[^\"]+\"|\\S+)(.*)$", Pattern.CASE_INSENSITIVE);

    private MigrationSqlWriter() {
    }

    /**
     * The migration.sql text.
     *
     * @param migrationId        the folder name, used as changeset id
     * @param provider           the database provider (decides statement splitting)
     * @param forwardSql         the forward SQL, as Prisma renders a migration script (statements end in {@code ;})
     * @param rollbackStatements the statements that undo it, in execution order, without terminating {@code ;};
     *                           empty for {@code --rollback empty}
     */
    public static String write(String migrationId, Provider provider, String forwardSql, List<String> rollbackStatements) {
        Objects.requireNonNull(migrationId, "migrationId");
        Objects.requireNonNull(provider, "provider");
        StringBuilder out = new StringBuilder(HEADER).append("\n\n");
        out.append(changesetLine(migrationId, provider)).append('\n');
        String body = forwardSql.strip();
        out.append(body).append("\n\n");
        if (rollbackStatements.isEmpty()) {
            out.append("--rollback empty\n");
        }
        for (String statement : rollbackStatements) {
            String s = statement.strip();
            if (s.endsWith(";")) {
                s = s.substring(0, s.length() - 1);
            }
            String[] lines = (s + ";").split("\n");
            for (String line : lines) {
                if (!line.isBlank()) {
                    out.append("--rollback ").append(line.stripTrailing()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** The {@code --changeset} line of a migration. */
    public static String changesetLine(String migrationId, Provider provider) {
        String split = provider == Provider.POSTGRESQL
                ? "splitStatements:false rollbackSplitStatements:false"
                : "splitStatements:true endDelimiter:; rollbackSplitStatements:true rollbackEndDelimiter:;";
        return "--changeset " + AUTHOR + ":" + migrationId + " logicalFilePath:" + logicalFilePath(migrationId) + " "
                + split;
    }

    /**
     * The path Liquibase records as the changeset's {@code FILENAME}: {@code prisma/migrations/<id>/migration.sql},
     * independent of where the folder lies.
     */
    public static String logicalFilePath(String migrationId) {
        return LOGICAL_PATH_PREFIX + migrationId + "/" + Migration.SQL_FILE;
    }

    /** Whether {@code sqlText} starts (after blank lines) with {@value #HEADER}. */
    public static boolean hasHeader(String sqlText) {
        for (String line : sqlText.split("\n", -1)) {
            if (!line.isBlank()) {
                return line.strip().toLowerCase(java.util.Locale.ROOT).matches("--\\s*liquibase\\s+formatted.*");
            }
        }
        return false;
    }

    /** The changesets a migration.sql declares, as {@code author:id}, in order. */
    public static List<String> changesetIds(String sqlText) {
        Matcher m = CHANGESET.matcher(sqlText);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(unquote(m.group(1)) + ":" + unquote(m.group(2)));
        }
        return ids;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
