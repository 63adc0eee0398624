package dev.prismaspring.sql;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Prisma's default constraint and index names ({@code ConstraintNames} in Prisma's engines), aligned with
 * PostgreSQL's conventions and always built from database names (mapped table and column names):
 *
 * <ul>
 *   <li>primary key {@code <table>_pkey}</li>
 *   <li>unique {@code <table>_<col1>_<col2>_key}, other indexes {@code ..._idx}</li>
 *   <li>foreign key {@code <table>_<col1>_<col2>_fkey} (the referencing table and columns)</li>
 * </ul>
 *
 * <p>When the name would reach the dialect's identifier limit, the part before the suffix is cut to
 * {@code limit - suffix length} <em>bytes</em> of UTF-8 (never inside a character), so the whole name fits.
 */
public final class ConstraintNames {

    private ConstraintNames() {
    }

    /** {@code <table>_pkey}. */
    public static String primaryKey(String table, int limit) {
        return truncate(table, limit, "_pkey") + "_pkey";
    }

    /** {@code <table>_<columns>_key}. */
    public static String unique(String table, List<String> columns, int limit) {
        return withColumns(table, columns, "_key", limit);
    }

    /** {@code <table>_<columns>_idx}. */
    public static String index(String table, List<String> columns, int limit) {
        return withColumns(table, columns, "_idx", limit);
    }

    /** {@code <table>_<columns>_fkey}. */
    public static String foreignKey(String table, List<String> columns, int limit) {
        return withColumns(table, columns, "_fkey", limit);
    }

    private static String withColumns(String table, List<String> columns, String suffix, int limit) {
        return truncate(table + "_" + String.join("_", columns), limit, suffix) + suffix;
    }

    /** {@code name} cut to {@code limit - suffix} UTF-8 bytes when it is at least that long. */
    static String truncate(String name, int limit, String suffix) {
        if (limit == Integer.MAX_VALUE) {
            return name;
        }
        int max = limit - suffix.length();
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < max) {
            return name;
        }
        return cutToBytes(name, max);
    }

    /** The longest prefix of {@code s} whose UTF-8 encoding has at most {@code maxBytes} bytes. */
    static String cutToBytes(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > maxBytes) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    /** The first {@code maxChars} characters (code points) of {@code s}. */
    static String takeChars(String s, int maxChars) {
        if (maxChars == Integer.MAX_VALUE || s.codePointCount(0, s.length()) <= maxChars) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, maxChars));
    }
}
