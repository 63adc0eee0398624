package dev.prismaspring.query;

import java.util.Map;

/**
 * The database rejected a statement for a reason the client has no better code for: a raw query failed (P2010), a table or column is missing (P2021, P2022), too many bind variables (P2035), or the operation is not supported (P2026). The message carries the database's own.
 */
public class PrismaQueryFailedException extends PrismaException {

    public PrismaQueryFailedException(String code, String message, Map<String, Object> meta, Throwable cause) {
        super(code, message, meta, cause);
    }
}
