package dev.prismaspring.migrate;

import java.util.Objects;

/**
 * One difference between the structure a schema expects and the one found (drift), or between the last migration
 * and the schema (unmigrated changes).
 *
 * @param kind   what differs
 * @param table  the table, or {@code null} for enums and namespaces
 * @param column the column, for column kinds; else {@code null}
 * @param index  the index or constraint name, for index, foreign-key and primary-key kinds; the enum name for enum
 *               kinds; else {@code null}
 * @param detail one human-readable sentence
 */
public record DriftDifference(DriftKind kind, String table, String column, String index, String detail) {

    public DriftDifference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
