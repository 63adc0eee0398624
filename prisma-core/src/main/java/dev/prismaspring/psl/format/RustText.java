package dev.prismaspring.psl.format;

/**
 * Trimming as Rust's {@code str::trim} does it: by the Unicode {@code White_Space} property,
 * which differs from both {@link String#strip()} and {@link String#trim()}.
 */
final class RustText {

    private RustText() {
    }

    static boolean isWhiteSpace(int c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    static String trimStart(String s) {
        int start = 0;
        while (start < s.length() && isWhiteSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    static String trim(String s) {
        String t = trimStart(s);
        int end = t.length();
        while (end > 0 && isWhiteSpace(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(0, end);
    }
}
