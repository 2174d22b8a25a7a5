package org.quire.frontier;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentUrlsTest {

    @Test
    void keepsWhatIsStillLinkedAndForgetsTheRestAfterTwoGenerations() {
        RecentUrls recent = new RecentUrls(3);
        recent.remember("menu");
        recent.remember("a");
        recent.remember("b");
        assertTrue(recent.contains("menu"));
        recent.remember("c"); // a new generation: menu, a, b are the old one
        assertTrue(recent.contains("menu"), "found in the old generation, so carried into the current one");
        recent.remember("d");
        recent.remember("e"); // current (c, menu, d) is full: another generation starts, a and b are dropped
        assertTrue(recent.contains("menu"));
        assertTrue(recent.contains("c"));
        assertFalse(recent.contains("a"));
        assertFalse(recent.contains("b"));
        assertFalse(recent.contains("never"));
    }
}
