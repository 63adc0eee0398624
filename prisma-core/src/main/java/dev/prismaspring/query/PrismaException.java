package dev.prismaspring.query;

/**
 * An error of the Prisma client with Prisma's error code ({@code P2025}, {@code P2009}, ...).
 */
public class PrismaException extends RuntimeException {

    private final String code;

    public PrismaException(String code, String message) {
        super(message);
        this.code = code;
    }

    public PrismaException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Prisma's error code, e.g. {@code P2025}. */
    public String code() {
        return code;
    }
}
