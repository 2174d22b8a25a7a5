package org.quire.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the valid key closest to a misspelt one, for "did you mean" hints. */
final class KeySuggestion {
    private KeySuggestion() {
    }

    /**
     * The candidate closest to {@code wrong} by edit distance, if it is close enough to be a plausible typo;
     * failing that, a candidate with the same last segment (a key put in the wrong section).
     */
    static Optional<String> closest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(wrong, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= Math.max(2, wrong.length() / 3)) {
            return Optional.of(best);
        }
        String leaf = wrong.substring(wrong.lastIndexOf('.') + 1);
        for (String c : candidates) {
            if (c.substring(c.lastIndexOf('.') + 1).equals(leaf)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The message part {@code unknown key 'x' (did you mean 'y'?)}. */
    static String unknownKey(String wrong, Collection<String> candidates) {
        return "unknown key '" + wrong + "'" + closest(wrong, candidates).map(c -> " (did you mean '" + c + "'?)")
                .orElse("");
    }

    /** Levenshtein distance (insertions, deletions, substitutions each cost 1). */
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
