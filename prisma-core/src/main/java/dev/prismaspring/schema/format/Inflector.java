package dev.prismaspring.schema.format;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two word transformations Prisma's formatter uses to name the relation fields it adds:
 * camel case and English plural, as the Rust {@code cruet} crate (an Inflector fork) does them.
 */
final class Inflector {

    private Inflector() {
    }

    /**
     * {@code PostableEntity} → {@code postableEntity}, {@code user_profile} → {@code userProfile}.
     * A new word starts after a separator, after a digit, or at an upper-case letter that follows a
     * lower-case one; every other letter is lower-cased (so {@code HTTPRequest} → {@code httprequest}).
     */
    static String camelCase(String input) {
        StringBuilder out = new StringBuilder(input.length());
        boolean newWord = false;
        boolean firstWord = true;
        boolean foundRealChar = false;
        char lastChar = ' ';
        String text = input.stripTrailing();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean separator = c == ' ' || c == '_' || c == '-';
            if (separator && foundRealChar) {
                newWord = true;
            } else if (!foundRealChar && !Character.isLetterOrDigit(c)) {
                continue;
            } else if (Character.isDigit(c)) {
                foundRealChar = true;
                newWord = true;
                out.append(c);
            } else if (newWord || (Character.isLowerCase(lastChar) && Character.isUpperCase(c))) {
                foundRealChar = true;
                newWord = false;
                out.append(firstWord ? Character.toLowerCase(c) : Character.toUpperCase(c));
                firstWord = false;
            } else {
                foundRealChar = true;
                lastChar = c;
                out.append(Character.toLowerCase(c));
                firstWord = false;
            }
        }
        return out.toString();
    }

    private static final Set<String> UNCOUNTABLE = Set.of("equipment", "information", "rice", "money", "species",
            "series", "fish", "sheep", "jeans", "police", "news", "deer", "moose", "aircraft", "bison", "flounder",
            "pliers", "bream", "gallows", "proceedings", "breeches", "graffiti", "britches", "headquarters",
            "carp", "herpes", "chassis", "high-jinks", "clippers", "homework", "cod", "innings", "contretemps",
            "corps", "mackerel", "debris", "measles", "diabetes", "mews", "djinn", "mumps", "eland", "elk",
            "pincers", "salmon", "scissors", "shears", "swine", "trousers", "trout", "tuna", "whiting",
            "wildebeest", "offspring", "shrimp", "sea-bass", "blues");

    /** Plural suffix rules, most specific first: {@code {regex, replacement of the matched suffix}}. */
    private static final List<String[]> RULES = List.of(
            new String[] {"(?i)(quiz)$", "$1zes"},
            new String[] {"(?i)^(oxen)$", "$1"},
            new String[] {"(?i)^(ox)$", "$1en"},
            new String[] {"(?i)^(m|l)ice$", "$1ice"},
            new String[] {"(?i)^(m|l)ouse$", "$1ice"},
            new String[] {"(?i)(matr|vert|ind)(?:ix|ex)$", "$1ices"},
            new String[] {"(?i)(x|ch|ss|sh)$", "$1es"},
            new String[] {"(?i)([^aeiouy]|qu)y$", "$1ies"},
            new String[] {"(?i)(hive)$", "$1s"},
            new String[] {"(?i)(?:([^f])fe|([lr])f)$", "$1$2ves"},
            new String[] {"(?i)sis$", "ses"},
            new String[] {"(?i)([ti])a$", "$1a"},
            new String[] {"(?i)([ti])um$", "$1a"},
            new String[] {"(?i)(buffal|tomat)o$", "$1oes"},
            new String[] {"(?i)(bu)s$", "$1ses"},
            new String[] {"(?i)(alias|status|campus)$", "$1es"},
            new String[] {"(?i)(octop|vir)i$", "$1i"},
            new String[] {"(?i)(octop|vir)us$", "$1i"},
            new String[] {"(?i)(ax|test)is$", "$1es"},
            new String[] {"(?i)s$", "s"},
            new String[] {"$", "s"});

    private static final List<String[]> IRREGULAR = List.of(
            new String[] {"person", "people"}, new String[] {"man", "men"}, new String[] {"child", "children"},
            new String[] {"sex", "sexes"}, new String[] {"move", "moves"}, new String[] {"goose", "geese"},
            new String[] {"tooth", "teeth"}, new String[] {"foot", "feet"});

    /** English plural of a (camel-cased) word: {@code post} → {@code posts}, {@code entity} → {@code entities}. */
    static String plural(String word) {
        if (word.isEmpty() || UNCOUNTABLE.contains(word.toLowerCase(Locale.ROOT))) {
            return word;
        }
        for (String[] irregular : IRREGULAR) {
            if (word.toLowerCase(Locale.ROOT).endsWith(irregular[0])
                    && (word.length() == irregular[0].length()
                    || Character.isUpperCase(word.charAt(word.length() - irregular[0].length())))) {
                String start = word.substring(0, word.length() - irregular[0].length());
                String replaced = irregular[1];
                if (Character.isUpperCase(word.charAt(start.length()))) {
                    replaced = Character.toUpperCase(replaced.charAt(0)) + replaced.substring(1);
                }
                return start + replaced;
            }
        }
        for (String[] rule : RULES) {
            Matcher m = Pattern.compile(rule[0]).matcher(word);
            if (m.find()) {
                return m.replaceFirst(rule[1]);
            }
        }
        return word + "s";
    }
}
