package dev.prismaspring.sql;

import java.util.List;
import java.util.Objects;

/**
 * The type of a column. Closed: a scalar (a family with an optional native type of the dialect), a reference
 * to an enum of the schema, or a type Prisma does not support that is passed through as SQL text.
 */
public sealed interface ColumnType permits ColumnType.Scalar, ColumnType.EnumRef, ColumnType.Unsupported {

    /** The family of values this type holds; {@code null} for {@link Unsupported}. */
    TypeFamily family();

    /**
     * A scalar column type.
     *
     * @param family     what the column holds
     * @param nativeType the dialect's native type as Prisma names it after {@code @db.} (e.g. {@code VarChar},
     *                   {@code Timestamp}, {@code Integer} on PostgreSQL, {@code Int} on MySQL), or {@code null}
     *                   where the dialect has no native types (SQLite)
     * @param args       the native type's arguments, e.g. {@code [255]} for {@code VarChar(255)},
     *                   {@code [65, 30]} for {@code Decimal(65,30)}; empty when none
     */
    record Scalar(TypeFamily family, String nativeType, List<Long> args) implements ColumnType {
        public Scalar {
            Objects.requireNonNull(family, "family");
            args = List.copyOf(args);
        }

        /** A scalar with a native type and its arguments. */
        public static Scalar of(TypeFamily family, String nativeType, long... args) {
            return new Scalar(family, nativeType, java.util.Arrays.stream(args).boxed().toList());
        }

        /** A scalar without native type (SQLite). */
        public static Scalar of(TypeFamily family) {
            return new Scalar(family, null, List.of());
        }
    }

    /**
     * A column whose type is an enum of the schema: a native enum type on PostgreSQL, an inline
     * {@code ENUM(...)} on MySQL. (SQLite has no enums; its columns are {@code TEXT} scalars.)
     *
     * @param namespace the enum's schema (PostgreSQL), or {@code null}
     * @param enumName  the enum's database name
     */
    record EnumRef(String namespace, String enumName) implements ColumnType {
        public EnumRef {
            Objects.requireNonNull(enumName, "enumName");
        }

        @Override
        public TypeFamily family() {
            return TypeFamily.STRING;
        }
    }

    /**
     * A type outside Prisma's scalar types ({@code Unsupported("tsvector")}), rendered as written.
     *
     * @param sql the type as SQL text
     */
    record Unsupported(String sql) implements ColumnType {
        public Unsupported {
            Objects.requireNonNull(sql, "sql");
        }

        @Override
        public TypeFamily family() {
            return null;
        }
    }
}
