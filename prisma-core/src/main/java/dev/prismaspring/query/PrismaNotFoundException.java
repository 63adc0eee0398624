package dev.prismaspring.query;

import java.util.Map;

/**
 * A record an operation depends on does not exist (P2025; P2001, P2015, P2018).
 */
public class PrismaNotFoundException extends PrismaException {

    public PrismaNotFoundException(String code, String message, Map<String, Object> meta, Throwable cause) {
        super(code, message, meta, cause);
    }
}
