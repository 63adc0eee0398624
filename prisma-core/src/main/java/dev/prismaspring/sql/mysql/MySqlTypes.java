package dev.prismaspring.sql.mysql;

import dev.prismaspring.sql.ColumnType;
import dev.prismaspring.sql.TypeFamily;
import java.util.List;
import java.util.Locale;

/** MySQL spelling of Prisma's native types, and the default native type of each family. */
final class MySqlTypes {

    private MySqlTypes() {
    }

    static String render(ColumnType.Scalar scalar) {
        String nativeType = scalar.nativeType();
        List<Long> args = scalar.args();
        if (nativeType == null) {
            switch (scalar.family()) {
                case INT -> nativeType = "Int";
                case BIG_INT -> nativeType = "BigInt";
                case FLOAT -> nativeType = "Double";
                case DECIMAL -> {
                    nativeType = "Decimal";
                    args = List.of(65L, 30L);
                }
                case BOOLEAN -> nativeType = "TinyInt";
                case STRING -> {
                    nativeType = "VarChar";
                    args = List.of(191L);
                }
                case DATE_TIME -> {
                    nativeType = "DateTime";
                    args = List.of(3L);
                }
                case JSON -> nativeType = "Json";
                case BINARY -> nativeType = "LongBlob";
                case UUID -> {
                    nativeType = "Char";
                    args = List.of(36L);
                }
            }
        }
        return switch (nativeType) {
            case "Int" -> "INTEGER";
            case "TinyInt" -> scalar.family() == TypeFamily.BOOLEAN ? "BOOLEAN" : "TINYINT";
            case "Decimal" -> "DECIMAL" + (args.size() == 2 ? "(" + args.get(0) + ", " + args.get(1) + ")" : "");
            case "UnsignedInt" -> "INTEGER UNSIGNED";
            case "UnsignedSmallInt" -> "SMALLINT UNSIGNED";
            case "UnsignedTinyInt" -> "TINYINT UNSIGNED";
            case "UnsignedMediumInt" -> "MEDIUMINT UNSIGNED";
            case "UnsignedBigInt" -> "BIGINT UNSIGNED";
            default -> nativeType.toUpperCase(Locale.ROOT) + (args.isEmpty() ? "" : "(" + args.get(0) + ")");
        };
    }

    /** The fractional-seconds precision for {@code CURRENT_TIMESTAMP(p)}: the native type's, else 3. */
    static long timestampPrecision(ColumnType type) {
        if (type instanceof ColumnType.Scalar s && s.nativeType() != null && !s.args().isEmpty()
                && List.of("DateTime", "Timestamp", "Time").contains(s.nativeType())) {
            return s.args().get(0);
        }
        return 3;
    }
}
