package org.quire.crawl;

import org.junit.jupiter.api.Test;
import org.quire.config.ConfigLoader;
import org.quire.fetch.ErrorKind;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkVerdictsTest {

    /** Default settings: host scope, max depth 3. */
    private static ScopeRules scope(String... seeds) {
        return new ScopeRules(ConfigLoader.defaults().settings().crawl(), List.of(seeds));
    }

    @Test
    void aLinkIsNormalisedAndJudgedOnceThenOfferedToTheFrontierOnce() {
        LinkVerdicts verdicts = new LinkVerdicts(scope("http://a.test/"), 100);
        LinkVerdicts.Known first = verdicts.of("HTTP://A.test:80/news/1.html#comments");
        assertEquals("http://a.test/news/1.html", first.normalised);
        assertTrue(first.verdict.at(1).accepted());
        assertFalse(first.offered(), "to be offered the first time it is followed");
        first.markOffered(); // the offer went through
        LinkVerdicts.Known again = verdicts.of("HTTP://A.test:80/news/1.html#comments");
        assertEquals("http://a.test/news/1.html", again.normalised);
        assertTrue(again.offered(), "the frontier has it already");
        assertNull(verdicts.of("mailto:someone@a.test").normalised, "no normal form: not a link to crawl");
    }

    @Test
    void aLinkTooDeepOnOnePageIsFollowedWhenFoundNearerTheSeedOnAnother() {
        LinkVerdicts verdicts = new LinkVerdicts(scope("http://a.test/"), 100);
        LinkVerdicts.Known deep = verdicts.of("http://a.test/archive/2019.html");
        assertEquals(ErrorKind.TOO_DEEP, deep.verdict.at(4).rejection());
        LinkVerdicts.Known near = verdicts.of("http://a.test/archive/2019.html");
        assertTrue(near.verdict.at(2).accepted());
        assertFalse(near.offered(), "never offered while it was too deep");
    }

    @Test
    void aVerdictFromBeforeTheScopeWidenedIsJudgedAgain() {
        ScopeRules scope = scope("http://a.test/");
        LinkVerdicts verdicts = new LinkVerdicts(scope, 100);
        assertEquals(ErrorKind.OUT_OF_SCOPE, verdicts.of("http://www.a.test/x").verdict.at(1).rejection());
        scope.addSeed("http://www.a.test/"); // the seed redirected there
        assertTrue(verdicts.of("http://www.a.test/x").verdict.at(1).accepted());
    }

    @Test
    void pastItsCapacityItStartsOverAndStillAnswersRight() {
        LinkVerdicts verdicts = new LinkVerdicts(scope("http://a.test/"), 10);
        for (int i = 0; i < 35; i++) {
            LinkVerdicts.Known l = verdicts.of("http://a.test/p" + i);
            assertEquals("http://a.test/p" + i, l.normalised);
            assertTrue(l.verdict.at(1).accepted());
            assertEquals(ErrorKind.OUT_OF_SCOPE, verdicts.of("http://b.test/p" + i).verdict.at(1).rejection());
        }
    }

    @Test
    void longLinksAreWorkedOutEveryTimeAndNotKept() {
        LinkVerdicts verdicts = new LinkVerdicts(scope("http://a.test/"), 100);
        String tracking = "http://a.test/r/" + "x".repeat(LinkVerdicts.MAX_KEPT_LENGTH);
        LinkVerdicts.Known first = verdicts.of(tracking);
        assertEquals(tracking, first.normalised);
        assertTrue(first.verdict.at(1).accepted());
        first.markOffered();
        assertFalse(verdicts.of(tracking).offered(), "not kept: offered again, and the frontier ignores it");
    }

    @Test
    void rejectionsNoDepthChangesComeBeforeTheDepthAndTheOthersAfterIt() {
        ScopeRules scope = scope("http://a.test/");
        // not http(s): rejected as such at any depth
        assertEquals(ErrorKind.BAD_URL, scope.decide("ftp://a.test/f", 9).rejection());
        // out of scope, but too deep first
        assertEquals(ErrorKind.TOO_DEEP, scope.decide("http://b.test/", 9).rejection());
        assertEquals(ErrorKind.OUT_OF_SCOPE, scope.decide("http://b.test/", 1).rejection());
        assertEquals(ErrorKind.TRAP, scope.decide("http://a.test/a/a/a/a/a", 1).rejection());
        assertTrue(scope.decide("http://a.test/a/b", 3).accepted());
    }
}
