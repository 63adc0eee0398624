package dev.prismaspring.migrate;

import dev.prismaspring.migrate.DifferFlavour.Native;
import dev.prismaspring.migrate.SchemaChange.TypeChange;

/**
 * How PostgreSQL casts one native type to another, ported from Prisma's
 * {@code postgres_native_type_change_riskyness} (sql_schema_differ_flavour/postgres.rs). Arguments absent mean
 * "unlimited" for {@code VarChar}/{@code VarBit} and 1 for {@code Char}/{@code Bit}.
 */
final class PostgresCasts {

    private static final TypeChange SAFE = TypeChange.SAFE_CAST;
    private static final TypeChange RISKY = TypeChange.RISKY_CAST;
    private static final TypeChange NONE = TypeChange.NOT_CASTABLE;

    private PostgresCasts() {
    }

    /** The cast from {@code p} to {@code n}; {@code null} when they are the same type. */
    static TypeChange classify(Native p, Native n) {
        String next = n.name();
        boolean nextIsChar = next.equals("Char");
        boolean nextIsString = next.equals("VarChar") || nextIsChar;
        Long nextLen = n.hasArgs() ? n.args().get(0) : null;
        switch (p.name()) {
            case "SmallInt", "Integer", "BigInt" -> {
                int rank = rank(p.name());
                int digits = p.name().equals("SmallInt") ? 3 : p.name().equals("Integer") ? 10 : 19;
                int chars = p.name().equals("SmallInt") ? 4 : p.name().equals("Integer") ? 11 : 20;
                if (next.equals("SmallInt") || next.equals("Integer") || next.equals("BigInt")) {
                    return rank(next) >= rank ? SAFE : RISKY;
                }
                if (next.equals("Decimal")) {
                    return n.hasArgs() && n.arg(0, 0) - n.arg(1, 0) < digits ? RISKY : SAFE;
                }
                if (next.equals("Real") || next.equals("DoublePrecision") || next.equals("Text")) {
                    return SAFE;
                }
                if (nextIsString) {
                    return stringTarget(nextLen, nextIsChar, chars);
                }
                return NONE;
            }
            case "Decimal" -> {
                long pp = p.arg(0, -1);
                long ps = p.arg(1, 0);
                switch (next) {
                    case "SmallInt", "Integer", "BigInt" -> {
                        long max = next.equals("SmallInt") ? 2 : next.equals("Integer") ? 9 : 18;
                        return !p.hasArgs() || ps > 0 || pp > max ? RISKY : SAFE;
                    }
                    case "Decimal" -> {
                        if (p.hasArgs() && !n.hasArgs()) {
                            return SAFE;
                        }
                        if (!p.hasArgs()) {
                            return RISKY;
                        }
                        long np = n.arg(0, 0);
                        long ns = n.arg(1, 0);
                        return pp - ps > np - ns || ps > ns ? RISKY : SAFE;
                    }
                    case "Real", "DoublePrecision" -> {
                        return RISKY;
                    }
                    case "Text" -> {
                        return SAFE;
                    }
                    default -> {
                        if (!nextIsString) {
                            return NONE;
                        }
                        if (nextLen == null) {
                            return nextIsChar ? RISKY : SAFE;
                        }
                        if (!p.hasArgs()) {
                            return nextLen < 131073 ? RISKY : SAFE;
                        }
                        return (ps == 0 && pp + 1 > nextLen) || (ps > 0 && pp + 2 > nextLen) ? RISKY : SAFE;
                    }
                }
            }
            case "Real", "DoublePrecision" -> {
                boolean real = p.name().equals("Real");
                switch (next) {
                    case "SmallInt", "Integer", "BigInt", "Decimal" -> {
                        return RISKY;
                    }
                    case "Real" -> {
                        return real ? SAFE : RISKY;
                    }
                    case "DoublePrecision", "Text" -> {
                        return SAFE;
                    }
                    default -> {
                        return nextIsString ? stringTarget(nextLen, nextIsChar, real ? 47 : 317) : NONE;
                    }
                }
            }
            case "VarChar", "Char" -> {
                if (next.equals("Text")) {
                    return SAFE;
                }
                if (!nextIsString) {
                    return NONE;
                }
                Long oldLen = p.hasArgs() ? p.args().get(0) : null;
                boolean oldIsChar = p.name().equals("Char");
                if (oldLen == null) {
                    if (oldIsChar) {
                        return SAFE;
                    }
                    return nextLen == null && !nextIsChar ? SAFE : RISKY;
                }
                if (nextLen == null) {
                    return oldLen == 1 || !nextIsChar ? SAFE : RISKY;
                }
                return oldLen > nextLen ? RISKY : SAFE;
            }
            case "Text", "Citext", "Xml" -> {
                if (next.equals("Text") || next.equals("Citext") || (next.equals("VarChar") && nextLen == null)) {
                    return SAFE;
                }
                return nextIsString ? RISKY : NONE;
            }
            case "Json", "JsonB" -> {
                if (next.equals("Text") || next.equals("Json") || next.equals("JsonB")
                        || (next.equals("VarChar") && nextLen == null)) {
                    return SAFE;
                }
                return nextIsString ? RISKY : NONE;
            }
            case "ByteA" -> {
                if (next.equals("Text") || (next.equals("VarChar") && nextLen == null)) {
                    return SAFE;
                }
                return nextIsString && nextLen != null && nextLen > 2 ? RISKY : NONE;
            }
            case "Timestamp", "Timestamptz", "Time", "Timetz" -> {
                if (next.equals(p.name()) && (!n.hasArgs() || !p.hasArgs() || p.args().equals(n.args()))) {
                    return null;
                }
                if (next.equals("Text") || (next.equals("VarChar") && nextLen == null)) {
                    return SAFE;
                }
                boolean time = p.name().startsWith("Time") && !p.name().startsWith("Timestamp");
                if (time) {
                    return next.equals("Timetz") || next.equals("Time") ? SAFE
                            : nextIsString && nextLen != null && nextLen > 18 ? SAFE : NONE;
                }
                return switch (next) {
                    case "Timestamp", "Timestamptz", "Date", "Time", "Timetz" -> SAFE;
                    default -> nextIsString && nextLen != null && nextLen > 27 ? SAFE : NONE;
                };
            }
            case "Date" -> {
                return switch (next) {
                    case "Text", "Timestamp", "Timestamptz" -> SAFE;
                    default -> nextIsString && (nextLen == null ? !nextIsChar : nextLen > 27) ? SAFE : NONE;
                };
            }
            case "Boolean" -> {
                if (next.equals("Text") || next.equals("VarChar")) {
                    return SAFE;
                }
                if (nextIsChar && nextLen != null) {
                    return nextLen > 4 ? SAFE : nextLen > 3 ? RISKY : NONE;
                }
                return NONE;
            }
            case "Uuid" -> {
                if (next.equals("Text") || (next.equals("VarChar") && nextLen == null)) {
                    return SAFE;
                }
                return nextIsString && nextLen != null && nextLen > 31 ? SAFE : NONE;
            }
            default -> {
                if (next.equals("Text") || (next.equals("VarChar") && nextLen == null)) {
                    return SAFE;
                }
                return nextIsString ? RISKY : NONE;
            }
        }
    }

    private static TypeChange stringTarget(Long len, boolean isChar, int needed) {
        if (len == null) {
            return isChar ? RISKY : SAFE;
        }
        return len < needed ? RISKY : SAFE;
    }

    private static int rank(String intType) {
        return switch (intType) {
            case "SmallInt" -> 1;
            case "Integer" -> 2;
            default -> 3;
        };
    }
}
