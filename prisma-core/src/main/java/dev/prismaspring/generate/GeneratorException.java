package dev.prismaspring.generate;

/** The schema or the options cannot be turned into a Java client; the message says why and what to change. */
public final class GeneratorException extends RuntimeException {

    public GeneratorException(String message) {
        super(message);
    }
}
