package dev.prismaspring.migrate;

import java.util.Objects;

/**
 * One risk of a migration, worded as Prisma words it.
 *
 * @param kind     what kind of risk
 * @param severity how bad: data loss, possible failure, or certain failure on the current data
 * @param table    the table concerned (the enum, for {@link Kind#ENUM_VALUE_REMOVAL})
 * @param column   the column concerned, or {@code null}
 * @param detail   the message, in Prisma's words where Prisma has them
 * @param rowCount the rows (or values) counted in the database that make the change risky, or {@code null} when
 *                 no database was inspected
 */
public record DataLossWarning(Kind kind, Severity severity, String table, String column, String detail,
        Long rowCount) {

    public DataLossWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(detail, "detail");
    }

    /** The kinds of risk, after Prisma's warning and unexecutable-step checks. */
    public enum Kind {
        TABLE_DROP,
        COLUMN_DROP,
        COLUMN_RECREATE,
        RISKY_CAST,
        PRIMARY_KEY_CHANGE,
        UNIQUE_ADDITION,
        ENUM_VALUE_REMOVAL,
        REQUIRED_COLUMN_ADDED,
        MADE_REQUIRED,
        SCALAR_TO_LIST,
        REQUIRED_COLUMN_RECREATED
    }

    /** How a change is classified. */
    public enum Severity {
        /** Nothing can be lost and nothing fails. */
        SAFE,
        /** The change may fail on some data, or changes values (needs acceptance). */
        WARNING,
        /** Data is lost (needs acceptance). */
        DESTRUCTIVE,
        /** The change cannot run on the data present: it fails whatever is accepted. */
        UNEXECUTABLE
    }
}
