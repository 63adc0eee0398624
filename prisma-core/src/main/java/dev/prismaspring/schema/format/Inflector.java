package dev.prismaspring.schema.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * lower-case one, and its first letter is upper-cased; every other letter is lower-cased (so
     * {@code HTTPRequest} → {@code httprequest}). The first letter is never a word start.
     */
    static String camelCase(String input) {
        StringBuilder out = new StringBuilder(input.length());
        boolean newWord = false;
        boolean foundRealChar = false;
        char lastChar = ' ';
        int end = input.length();
        while (end > 0 && !Character.isLetterOrDigit(input.charAt(end - 1))) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            char c = input.charAt(i);
            boolean separator = !Character.isLetterOrDigit(c);
            if (separator && foundRealChar) {
                newWord = true;
            } else if (separator) {
                continue; // leading separators are dropped
            } else if (Character.isDigit(c)) {
                foundRealChar = true;
                newWord = true;
                out.append(c);
            } else if (newWord || (Character.isLowerCase(lastChar) && Character.isUpperCase(c))) {
                foundRealChar = true;
                newWord = false;
                out.append(asciiUpper(c));
            } else {
                foundRealChar = true;
                lastChar = c;
                out.append(asciiLower(c));
            }
        }
        return out.toString();
    }

    private static char asciiUpper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static final String UNCOUNTABLE_WORDS = """
            accommodation adulthood advertising advice aggression aid air aircraft alcohol anger applause
            arithmetic assistance athletics bacon baggage beef biology blood botany bread butter carbon
            cardboard cash chalk chaos chess crossroads countryside dancing deer dignity dirt dust economics
            education electricity engineering enjoyment envy equipment ethics evidence evolution fame fiction
            flour flu food fuel fun furniture gallows garbage garlic genetics gold golf gossip grammar
            gratitude grief guilt gymnastics happiness hardware harm hate hatred health heat help homework
            honesty honey hospitality housework humour hunger hydrogen ice importance inflation information
            innocence iron irony jam jewelry judo karate knowledge lack laughter lava leather leisure lightning
            linguine linguini linguistics literature litter livestock logic loneliness luck luggage macaroni
            machinery magic management mankind marble mathematics mayonnaise measles methane milk money mud
            music mumps nature news nitrogen nonsense nurture nutrition obedience obesity oxygen pasta patience
            physics poetry pollution poverty pride psychology publicity punctuation quartz racism relaxation
            reliability research respect revenge rice rubbish rum safety scenery seafood seaside series shame
            sheep shopping sleep smoke smoking snow soap software soil spaghetti species steam stuff stupidity
            sunshine symmetry tennis thirst thunder timber traffic transportation trust underwear unemployment
            unity validity veal vegetation vegetarianism vengeance violence vitality warmth wealth weather
            welfare wheat wildlife wisdom yoga zinc zoology""";

    /** Words whose plural is the word itself. */
    private static final Set<String> UNCOUNTABLE = Set.of(UNCOUNTABLE_WORDS.split("\\s+"));

    /** Whole words with an irregular plural. */
    private static final Map<String, String> SPECIAL = Map.of("ox", "oxen", "man", "men", "woman", "women",
            "die", "dice", "yes", "yeses", "foot", "feet", "eave", "eaves", "goose", "geese", "tooth", "teeth",
            "quiz", "quizzes");

    /**
     * Suffix rules, tried from the last to the first: the word is matched against the pattern and
     * becomes its first group followed by the replacement.
     */
    private static final List<Map.Entry<Pattern, String>> RULES = rules(
            "(\\w*)s$", "s",
            "(\\w*([^aeiou]ese))$", "",
            "(\\w*(ax|test))is$", "es",
            "(\\w*(alias|[^aou]us|tlas|gas|ris))$", "es",
            "(\\w*(e[mn]u))s?$", "s",
            "(\\w*([^l]ias|[aeiou]las|[emjzr]as|[iu]am))$", "",
            "(\\w*(alumn|syllab|octop|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat))(?:us|i)$", "i",
            "(\\w*(alumn|alg|vertebr))(?:a|ae)$", "ae",
            "(\\w*(seraph|cherub))(?:im)?$", "im",
            "(\\w*(her|at|gr))o$", "oes",
            "(\\w*(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul"
                    + "|automat|quor))(?:a|um)$", "a",
            "(\\w*(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat))(?:a|on)$", "a",
            "(\\w*)sis$", "ses",
            "(\\w*(kni|wi|li))fe$", "ves",
            "(\\w*(ar|l|ea|eo|oa|hoo))f$", "ves",
            "(\\w*([^aeiouy]|qu))y$", "ies",
            "(\\w*([^ch][ieo][ln]))ey$", "ies",
            "(\\w*(x|ch|ss|sh|zz)es)$", "",
            "(\\w*(x|ch|ss|sh|zz))$", "es",
            "(\\w*(matr|cod|mur|sil|vert|ind|append))(?:ix|ex)$", "ices",
            "(\\w*(m|l))(?:ice|ouse)$", "ice",
            "(\\w*(pe))(?:rson|ople)$", "ople",
            "(\\w*(child))(?:ren)?$", "ren",
            "(\\w*eaux)$", "");

    /** English plural of a (camel-cased) word: {@code post} → {@code posts}, {@code entity} → {@code entities}. */
    static String plural(String word) {
        int separator = Math.max(word.lastIndexOf('-'), word.lastIndexOf('_'));
        if (separator >= 0) {
            String last = word.substring(separator + 1);
            return last.isEmpty() ? word : word.substring(0, separator + 1) + plural(last);
        }
        if (UNCOUNTABLE.contains(word)) {
            return word;
        }
        String special = SPECIAL.get(word);
        if (special != null) {
            return special;
        }
        for (int i = RULES.size() - 1; i >= 0; i--) {
            Matcher m = RULES.get(i).getKey().matcher(word);
            if (m.find() && m.group(1) != null) {
                return m.group(1) + RULES.get(i).getValue();
            }
        }
        return word + "s";
    }

    private static List<Map.Entry<Pattern, String>> rules(String... patternsAndReplacements) {
        List<Map.Entry<Pattern, String>> rules = new ArrayList<>();
        for (int i = 0; i < patternsAndReplacements.length; i += 2) {
            rules.add(Map.entry(Pattern.compile(patternsAndReplacements[i]), patternsAndReplacements[i + 1]));
        }
        return List.copyOf(rules);
    }
}
