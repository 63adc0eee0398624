package dev.prismaspring.sql;

/**
 * The family of a column type: what kind of value the column holds, independent of the dialect's spelling.
 * Mirrors Prisma's scalar types, plus {@link #UUID} for native UUID columns found by introspection.
 */
public enum TypeFamily {
    INT,
    BIG_INT,
    FLOAT,
    DECIMAL,
    BOOLEAN,
    STRING,
    DATE_TIME,
    JSON,
    BINARY,
    UUID
}
