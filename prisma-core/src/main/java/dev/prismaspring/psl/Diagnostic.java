package dev.prismaspring.psl;

import java.util.Objects;

/**
 * One message about a schema, worded as Prisma words it, with the place it points at.
 *
 * @param severity error or warning
 * @param message  the message text, without colour codes
 * @param span     where in which file
 */
public record Diagnostic(Severity severity, String message, Span span) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(span, "span");
    }

    public static Diagnostic error(String message, Span span) {
        return new Diagnostic(Severity.ERROR, message, span);
    }

    public static Diagnostic warning(String message, Span span) {
        return new Diagnostic(Severity.WARNING, message, span);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
