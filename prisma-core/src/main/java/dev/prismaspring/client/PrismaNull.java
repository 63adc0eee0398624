package dev.prismaspring.client;

/**
 * Prisma's null sentinels for Json fields, usable as values in {@code Map} arguments (they serialise to the strings
 * {@code "DbNull"}, {@code "JsonNull"}, {@code "AnyNull"} the JSON arguments take): {@code DbNull} writes SQL NULL,
 * {@code JsonNull} writes the JSON value {@code null}; in filters {@code AnyNull} matches either.
 */
public enum PrismaNull {
    DbNull,
    JsonNull,
    AnyNull
}
