package dev.prismaspring.generate;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Java identifiers for schema names: keywords and names that Java or the generated classes reserve get a {@code _}. */
final class JavaNames {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_");

    /** Methods of Object (records may not have components with these names) and of the generated bases. */
    private static final Set<String> RESERVED_MEMBERS = Set.of("clone", "finalize", "getClass", "hashCode", "notify",
            "notifyAll", "toString", "wait", "equals", "toPrismaArgs", "isEmpty", "arg");

    /** Type names Java does not allow for classes. */
    private static final Set<String> RESTRICTED_TYPES = Set.of("var", "yield", "record", "sealed", "permits");

    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    private JavaNames() {
    }

    /** A member (method, record component, parameter, enum constant) name for a schema name. */
    static String member(String name) {
        return KEYWORDS.contains(name) || RESERVED_MEMBERS.contains(name) ? name + "_" : name;
    }

    /** Whether Java allows this model or enum name as a class name. */
    static boolean validType(String name) {
        return !KEYWORDS.contains(name) && !RESTRICTED_TYPES.contains(name);
    }

    /** Prisma's client name of a model: {@code User} gives {@code user}. */
    static String lowerCamel(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    /** Whether {@code p} is a usable package name. */
    static boolean validPackage(String p) {
        if (!PACKAGE.matcher(p).matches()) {
            return false;
        }
        for (String part : p.split("\\.")) {
            if (KEYWORDS.contains(part)) {
                return false;
            }
        }
        return true;
    }

    /** A Java string literal. */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Text safe inside a Javadoc comment: no comment end, no unicode-escape backslashes, HTML escaped. */
    static String docText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("\\", "&#92;").replace("@", "&#64;");
    }

    /** Replaces every non-ASCII character by its unicode escape, so the file compiles under any encoding. */
    static String asciiOnly(String source) {
        StringBuilder sb = null;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c > 0x7e && c != '\u007f') {
                if (sb == null) {
                    sb = new StringBuilder(source.length() + 64).append(source, 0, i);
                }
                sb.append(String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? source : sb.toString();
    }
}
