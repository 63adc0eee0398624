package dev.prismaspring.liquibase;

/**
 * Why the migrations could not be read, checked or applied, in one or two sentences for the user.
 * {@link Kind#REFUSED}: the migrations or the history need a fix (failed or modified migration, a file that is not
 * Liquibase formatted SQL, a migration that failed now); {@link Kind#DATABASE}: the database could not be reached or
 * read.
 */
public final class MigrationException extends RuntimeException {

    /** What kind of problem it is. */
    public enum Kind {
        /** The migrations or the history need the user's attention. */
        REFUSED,
        /** The database could not be reached or read. */
        DATABASE
    }

    private final Kind kind;

    public MigrationException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public MigrationException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
