package dev.prismaspring.query;

import java.util.Map;

/**
 * The data breaks a constraint of the database: a unique constraint (P2002), a foreign key (P2003), a required column (P2011), a column's length (P2000) or range (P2020), a required relation (P2014), or another constraint (P2004). The cause is Spring's {@code DataIntegrityViolationException} (or {@code DuplicateKeyException}) where Spring translated the error.
 */
public class PrismaConstraintViolationException extends PrismaException {

    public PrismaConstraintViolationException(String code, String message, Map<String, Object> meta, Throwable cause) {
        super(code, message, meta, cause);
    }
}
