package dev.prismaspring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A reason the application cannot start that the user fixes in the schema, the configuration or the database.
 * {@link PrismaStartupFailureAnalyzer} turns it into Boot's "APPLICATION FAILED TO START" report: the description
 * and the action, without a stack trace.
 */
public class PrismaStartupException extends RuntimeException {

    private final String action;

    public PrismaStartupException(String description, String action) {
        this(description, action, null);
    }

    public PrismaStartupException(String description, String action, @Nullable Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    /** What went wrong, in sentences (possibly several lines, e.g. schema diagnostics). */
    public String description() {
        return getMessage();
    }

    /** What the user should do. */
    public String action() {
        return action;
    }
}
