package dev.prismaspring.query;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions by edit distance. */
final class Suggest {

    private Suggest() {
    }

    /** The closest candidate, or {@code null} when none is close enough. */
    static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null || bestDistance > 2 || bestDistance >= Math.min(name.length(), best.length()) / 2 + 1) {
            return null;
        }
        return best;
    }

    /** {@code " Did you mean 'x'?"} or {@code " Available options: a, b."}. */
    static String didYouMean(String name, Collection<String> candidates) {
        String c = closest(name, candidates);
        if (c != null) {
            return " Did you mean '" + c + "'?";
        }
        return candidates.isEmpty() ? "" : " Available options: " + String.join(", ", candidates) + ".";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
