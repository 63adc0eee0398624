package dev.prismaspring.sql.postgres;

import dev.prismaspring.sql.ColumnType;
import java.util.List;

/** PostgreSQL spelling of Prisma's native types, and the default native type of each family. */
final class PostgresTypes {

    private PostgresTypes() {
    }

    /** The native type Prisma uses for a family when the schema names none. */
    static String defaultNativeType(ColumnType.Scalar scalar) {
        return switch (scalar.family()) {
            case INT -> "Integer";
            case BIG_INT -> "BigInt";
            case FLOAT -> "DoublePrecision";
            case DECIMAL -> "Decimal";
            case BOOLEAN -> "Boolean";
            case STRING -> "Text";
            case DATE_TIME -> "Timestamp";
            case JSON -> "JsonB";
            case BINARY -> "ByteA";
            case UUID -> "Uuid";
        };
    }

    static String render(ColumnType.Scalar scalar, boolean autoIncrement) {
        String nativeType = scalar.nativeType();
        List<Long> args = scalar.args();
        if (nativeType == null) {
            nativeType = defaultNativeType(scalar);
            args = switch (nativeType) {
                case "Decimal" -> List.of(65L, 30L);
                case "Timestamp" -> List.of(3L);
                default -> List.of();
            };
        }
        return switch (nativeType) {
            case "SmallInt" -> autoIncrement ? "SMALLSERIAL" : "SMALLINT";
            case "Integer" -> autoIncrement ? "SERIAL" : "INTEGER";
            case "BigInt" -> autoIncrement ? "BIGSERIAL" : "BIGINT";
            case "Decimal" -> "DECIMAL" + (args.size() == 2 ? "(" + args.get(0) + "," + args.get(1) + ")" : "");
            case "DoublePrecision" -> "DOUBLE PRECISION";
            case "Timestamptz" -> "TIMESTAMPTZ" + optional(args);
            case "Timetz" -> "TIMETZ" + optional(args);
            case "ByteA" -> "BYTEA";
            case "JsonB" -> "JSONB";
            case "VarBit" -> "VARBIT" + optional(args);
            default -> nativeType.toUpperCase(java.util.Locale.ROOT) + optional(args);
        };
    }

    private static String optional(List<Long> args) {
        return args.isEmpty() ? "" : "(" + args.get(0) + ")";
    }
}
