package dev.prismaspring.migrate;

import dev.prismaspring.migrate.DifferFlavour.Native;
import dev.prismaspring.migrate.SchemaChange.TypeChange;
import java.util.List;

/**
 * How MySQL casts one native type to another: the main lines of Prisma's {@code native_type_change}
 * (sql_schema_differ_flavour/mysql.rs). Integers widen safely and narrow riskily, strings widen safely, anything
 * converts to a text type safely; numbers and date-times do not convert into each other.
 */
final class MySqlCasts {

    private static final List<String> INTS = List.of("TinyInt", "SmallInt", "MediumInt", "Int", "BigInt");
    private static final List<String> TEXTS = List.of("TinyText", "Text", "MediumText", "LongText");
    private static final List<String> BLOBS = List.of("TinyBlob", "Blob", "MediumBlob", "LongBlob");
    private static final List<String> DATES = List.of("Date", "DateTime", "Timestamp", "Time", "Year");

    private MySqlCasts() {
    }

    static TypeChange classify(Native p, Native n) {
        String a = p.name();
        String b = n.name();
        if (a.equals(b) && p.args().equals(n.args())) {
            return TypeChange.SAFE_CAST;
        }
        if (INTS.contains(a) && INTS.contains(b)) {
            return INTS.indexOf(b) >= INTS.indexOf(a) ? TypeChange.SAFE_CAST : TypeChange.RISKY_CAST;
        }
        if (isString(a) && isString(b)) {
            return length(n) >= length(p) ? TypeChange.SAFE_CAST : TypeChange.RISKY_CAST;
        }
        if (TEXTS.contains(b) || BLOBS.contains(b)) {
            return TypeChange.SAFE_CAST;
        }
        if (isString(b)) {
            return TypeChange.RISKY_CAST;
        }
        boolean numA = INTS.contains(a) || a.equals("Decimal") || a.equals("Float") || a.equals("Double");
        boolean numB = INTS.contains(b) || b.equals("Decimal") || b.equals("Float") || b.equals("Double");
        if (numA && numB) {
            return TypeChange.RISKY_CAST;
        }
        if (DATES.contains(a) && DATES.contains(b)) {
            return a.equals(b) && length(n) >= length(p) ? TypeChange.SAFE_CAST : TypeChange.RISKY_CAST;
        }
        if ((numA && DATES.contains(b)) || (DATES.contains(a) && numB) || b.equals("Json") || a.equals("Json")) {
            return TypeChange.NOT_CASTABLE;
        }
        return TypeChange.RISKY_CAST;
    }

    private static boolean isString(String t) {
        return t.equals("VarChar") || t.equals("Char") || TEXTS.contains(t);
    }

    private static long length(Native t) {
        return switch (t.name()) {
            case "TinyText" -> 255;
            case "Text" -> 65_535;
            case "MediumText" -> 16_777_215;
            case "LongText" -> 4_294_967_295L;
            case "Char" -> t.arg(0, 1);
            default -> t.arg(0, 0);
        };
    }
}
