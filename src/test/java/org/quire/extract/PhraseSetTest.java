package org.quire.extract;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhraseSetTest {

    @Test
    void findsPhrasesAnywhereIncludingOneCharacterOnes() {
        PhraseSet set = new PhraseSet("cookie", "all rights reserved", "©", "/ dpa");
        assertTrue(set.occursIn("we use cookies here"));
        assertTrue(set.occursIn("© 2026 the paper"));
        assertTrue(set.occursIn("photo: x / dpa"));
        assertTrue(set.occursIn("cookie"));
        assertFalse(set.occursIn("a plain sentence about cook ies"));
        assertFalse(set.occursIn(""));
        assertFalse(set.occursIn("c"));
    }

    @Test
    void agreesWithStringContainsOnRandomText() {
        String[] phrases = {"ab", "abc", "ba", "cab", "x", "aaa", "b c", "c/d"};
        PhraseSet set = new PhraseSet(phrases);
        Random random = new Random(11);
        String alphabet = "abc d/xé";
        int found = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            boolean expected = false;
            for (String p : phrases) {
                expected |= text.contains(p);
            }
            found += expected ? 1 : 0;
            assertEquals(expected, set.occursIn(text), text);
        }
        assertTrue(found > 1000 && found < 19_000, "both answers tested: " + found);
    }
}
