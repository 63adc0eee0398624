package dev.prismaspring.query;

import java.util.Map;

/**
 * A transaction failed as a whole: a write conflict or deadlock (P2034, retry the transaction), or an interactive transaction that expired, could not start in time or was misused (P2028). Everything the transaction did is rolled back.
 */
public class PrismaTransactionException extends PrismaException {

    public PrismaTransactionException(String code, String message, Map<String, Object> meta, Throwable cause) {
        super(code, message, meta, cause);
    }
}
