package org.quire.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of lower-case phrases and one question: does a text contain any of them? Answered in one pass over
 * the text (each position looks up the phrases starting with its two characters) instead of one
 * {@link String#contains} scan per phrase. Immutable and thread-safe.
 */
final class PhraseSet {

    private static final int BUCKETS = 4096;

    /** Phrases of two or more characters, by the hash of their first two characters. */
    private final String[][] byPair = new String[BUCKETS][];
    /** Phrases of one character. */
    private final String singles;

    PhraseSet(String... phrases) {
        StringBuilder one = new StringBuilder();
        List<List<String>> buckets = new ArrayList<>(BUCKETS);
        for (int i = 0; i < BUCKETS; i++) {
            buckets.add(null);
        }
        for (String p : phrases) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("empty phrase");
            }
            if (p.length() == 1) {
                one.append(p);
                continue;
            }
            int b = bucket(p.charAt(0), p.charAt(1));
            if (buckets.get(b) == null) {
                buckets.set(b, new ArrayList<>());
            }
            buckets.get(b).add(p);
        }
        for (int i = 0; i < BUCKETS; i++) {
            if (buckets.get(i) != null) {
                byPair[i] = buckets.get(i).toArray(new String[0]);
            }
        }
        singles = one.toString();
    }

    private static int bucket(char a, char b) {
        return (a * 31 + b) & (BUCKETS - 1);
    }

    /** True when {@code text} contains at least one of the phrases (as {@link String#contains} would find it). */
    boolean occursIn(String text) {
        int n = text.length();
        for (int i = 0; i + 1 < n; i++) {
            String[] candidates = byPair[bucket(text.charAt(i), text.charAt(i + 1))];
            if (candidates != null) {
                for (String p : candidates) {
                    if (text.startsWith(p, i)) {
                        return true;
                    }
                }
            }
        }
        for (int i = 0; i < singles.length(); i++) {
            if (text.indexOf(singles.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
