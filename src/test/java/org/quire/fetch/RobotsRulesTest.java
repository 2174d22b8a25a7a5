package org.quire.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RobotsRulesTest {

    private static final URI ROBOTS = URI.create("https://example.org/robots.txt");
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static RobotsRules parse(String text) {
        return RobotsRules.parse(text, ROBOTS, TestSettings.USER_AGENT, Duration.ofSeconds(30), NOW);
    }

    /** The answer for a path, asked both ways (as a URI, and as link text); the two must agree. */
    private static boolean allowed(RobotsRules rules, String path) {
        boolean byUri = rules.isAllowed(URI.create("https://example.org" + path));
        assertEquals(byUri, rules.isAllowed("https://example.org" + path), "same answer for the text of " + path);
        return byUri;
    }

    @Test
    void robotsTxtItselfIsAlwaysAllowed() {
        RobotsRules none = parse("User-agent: *\nDisallow: /\n");
        assertTrue(allowed(none, "/robots.txt"));
        assertTrue(allowed(none, "/robots.txt?x=1"));
        assertFalse(allowed(none, "/robots.txt.bak"));
        assertFalse(allowed(none, "/robots.txtx"));
        assertFalse(allowed(none, "/"));
    }

    @Test
    void productTokenIsTheFirstTokenLowerCased() {
        assertEquals("quire", RobotsRules.productToken("quire/0.1 (+https://example.org/bot)"));
        assertEquals("quire", RobotsRules.productToken("Quire"));
        assertEquals("my-bot", RobotsRules.productToken("My-Bot/2.0"));
    }

    @Test
    void theGroupNamingQuireWinsOverTheWildcardGroup() {
        RobotsRules rules = parse("""
                User-agent: *
                Disallow: /

                User-agent: QUIRE
                Disallow: /private/
                """);
        assertTrue(allowed(rules, "/public/page"));
        assertFalse(allowed(rules, "/private/page"));

        RobotsRules other = parse("""
                User-agent: otherbot
                Disallow: /

                User-agent: *
                Disallow: /tmp/
                """);
        assertTrue(allowed(other, "/page"));
        assertFalse(allowed(other, "/tmp/x"));

        // A group for a longer name that merely starts with "quire" is not ours.
        RobotsRules prefix = parse("""
                User-agent: quirebot-extended
                Disallow: /

                User-agent: *
                Allow: /
                """);
        assertTrue(allowed(prefix, "/page"));
    }

    @Test
    void wildcardsAndEndAnchorsAreHonoured() {
        RobotsRules rules = parse("""
                User-agent: *
                Disallow: /*.pdf$
                Disallow: /search*q=
                Allow: /docs/*.pdf$
                """);
        assertFalse(allowed(rules, "/files/report.pdf"));
        assertTrue(allowed(rules, "/files/report.pdf?download=1"));   // $ anchors the end
        assertTrue(allowed(rules, "/docs/manual.pdf"));                // longer Allow wins
        assertFalse(allowed(rules, "/search/results?q=cats"));
        assertTrue(allowed(rules, "/search/results?page=2"));
        assertTrue(allowed(rules, "/robots.txt"));
    }

    @Test
    void crawlDelayIsParsedAndCapped() {
        assertEquals(Duration.ofSeconds(5), parse("User-agent: quire\nCrawl-delay: 5\nDisallow: /x\n").crawlDelay());
        RobotsRules huge = parse("User-agent: *\nCrawl-delay: 3600\nDisallow: /x\n");
        assertEquals(Duration.ofSeconds(30), huge.crawlDelay());
        assertTrue(allowed(huge, "/page"), "a large delay is capped, not turned into disallow-all");
        assertEquals(Duration.ZERO, parse("User-agent: *\nDisallow: /x\n").crawlDelay());
    }

    @Test
    void emptyFileAllowsEverythingAndDisallowAllBlocksEverything() {
        RobotsRules empty = parse("");
        assertTrue(allowed(empty, "/anything"));
        RobotsRules none = parse("User-agent: *\nDisallow: /\n");
        assertFalse(allowed(none, "/anything"));
        assertFalse(none.isTemporaryDisallowAll());
        assertEquals(List.of(), none.sitemaps());
    }

    @Test
    void sitemapsAreKept() {
        RobotsRules rules = parse("Sitemap: https://example.org/sitemap.xml\nUser-agent: *\nDisallow:\n");
        assertEquals(List.of("https://example.org/sitemap.xml"), rules.sitemaps());
    }

    @Test
    void temporaryDisallowAll() {
        RobotsRules t = RobotsRules.disallowAllTemporarily(NOW);
        assertTrue(t.isTemporaryDisallowAll());
        assertFalse(allowed(t, "/"));
        assertEquals(NOW, t.fetchedAt());
    }
}
