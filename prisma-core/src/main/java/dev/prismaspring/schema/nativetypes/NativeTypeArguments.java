package dev.prismaspring.schema.nativetypes;

import java.util.ArrayList;
import java.util.List;

/**
 * The argument shapes native types take (Prisma's {@code NativeTypeArguments} implementations): how many arguments
 * are required and optional, and what {@code Expected ..., but found ...} calls them.
 */
public enum NativeTypeArguments {
    /** No arguments: {@code Text}. */
    NONE(0, 0, null),
    /** Exactly one nonnegative integer: MySQL {@code VarChar(191)}. */
    REQUIRED_INTEGER(1, 0, "a nonnegative integer"),
    /** An optional nonnegative integer: PostgreSQL {@code VarChar}, {@code Timestamp(6)}. */
    OPTIONAL_INTEGER(0, 1, "a nonnegative integer"),
    /** An optional pair of nonnegative integers: {@code Decimal} or {@code Decimal(10, 2)}. */
    OPTIONAL_INTEGER_PAIR(0, 2, "two nonnegative integers");

    private final int required;
    private final int optional;
    private final String description;

    NativeTypeArguments(int required, int optional, String description) {
        this.required = required;
        this.optional = optional;
        this.description = description;
    }

    public int requiredCount() {
        return required;
    }

    public int optionalCount() {
        return optional;
    }

    /** How Prisma describes the expected arguments ({@code a nonnegative integer}), or {@code null} for none. */
    public String description() {
        return description;
    }

    /**
     * Parses the argument strings as Prisma's {@code from_parts} does.
     *
     * @return the canonical argument strings, or {@code null} when they do not fit this shape
     */
    List<String> parse(List<String> parts) {
        switch (this) {
            case NONE:
                return List.of();
            case REQUIRED_INTEGER:
                return parts.size() == 1 ? parseIntegers(parts) : null;
            case OPTIONAL_INTEGER:
                if (parts.isEmpty()) {
                    return List.of();
                }
                return parts.size() == 1 ? parseIntegers(parts) : null;
            case OPTIONAL_INTEGER_PAIR:
                if (parts.isEmpty()) {
                    return List.of();
                }
                return parts.size() == 2 ? parseIntegers(parts) : null;
            default:
                throw new IllegalStateException();
        }
    }

    private static List<String> parseIntegers(List<String> parts) {
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            Long value = parseU32(part);
            if (value == null) {
                return null;
            }
            out.add(Long.toString(value));
        }
        return out;
    }

    /** Rust's {@code u32::from_str}: an optional {@code +}, then ASCII digits, at most 4294967295. */
    static Long parseU32(String s) {
        String digits = s.startsWith("+") ? s.substring(1) : s;
        if (digits.isEmpty() || digits.length() > 20) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            long v = Long.parseLong(digits);
            return v <= 0xFFFF_FFFFL ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
