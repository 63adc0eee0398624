package dev.prismaspring.cli;

/** A failure the CLI reports as a plain message with a given exit code, never with a stack trace. */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliException usage(String message) {
        return new CliException(PrismaCli.USAGE_ERROR, message);
    }

    static CliException user(String message) {
        return new CliException(PrismaCli.USER_ERROR, message);
    }

    int exitCode() {
        return exitCode;
    }
}
