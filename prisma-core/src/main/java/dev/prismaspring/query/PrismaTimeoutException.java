package dev.prismaspring.query;

import java.util.Map;

/**
 * The database gave up waiting (P1008: statement or lock timeout, SQLite busy) or no connection could be had from the pool in time (P2024). Transient: retrying may succeed.
 */
public class PrismaTimeoutException extends PrismaException {

    public PrismaTimeoutException(String code, String message, Map<String, Object> meta, Throwable cause) {
        super(code, message, meta, cause);
    }
}
