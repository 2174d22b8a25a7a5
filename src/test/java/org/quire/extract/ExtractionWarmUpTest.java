package org.quire.extract;

import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractionWarmUpTest {

    private static ExtractedPage extractBundledPage() throws Exception {
        try (InputStream in = ExtractionWarmUp.class.getResourceAsStream(ExtractionWarmUp.PAGE)) {
            assertNotNull(in, "the warm-up page is bundled in the jar");
            return new HtmlExtractor(ExtractOptions.from(null)).extract(
                    HtmlDecoder.parse(in.readAllBytes(), "text/html", "http://127.0.0.1/news/article"));
        }
    }

    @Test
    void warmsUpUntilStoppedThenNeverAgainAndLeavesExtractionAsItWas() throws Exception {
        ExtractedPage before = extractBundledPage();
        ExtractionWarmUp warmUp = new ExtractionWarmUp();
        warmUp.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (warmUp.passes() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(warmUp.passes() >= 2, "it runs passes over the bundled page: " + warmUp.passes());
        warmUp.awaitStopped();
        int passes = warmUp.passes();
        Thread.sleep(50);
        assertEquals(passes, warmUp.passes(), "no pass after awaitStopped returned");
        warmUp.start();
        Thread.sleep(50);
        assertEquals(passes, warmUp.passes(), "a stopped warm-up does not start again");
        warmUp.awaitStopped(); // at once
        assertEquals(before.text(), extractBundledPage().text());
        assertEquals(before.links(), extractBundledPage().links());
    }

    @Test
    void theWarmUpPageHasNoJsonLdLeftSoTheWarmUpNeverReachesJackson() throws Exception {
        String page;
        try (InputStream in = ExtractionWarmUp.class.getResourceAsStream(ExtractionWarmUp.PAGE)) {
            page = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(page.contains("application/ld+json"), "the bundled page carries JSON-LD");
        String stripped = ExtractionWarmUp.withoutJsonLd(page);
        assertTrue(!stripped.contains("ld+json") && !stripped.contains("\"@context\""), "JSON-LD gone");
        assertTrue(stripped.contains("</article>") || stripped.length() > page.length() / 2, "the rest is kept");
    }

    @Test
    void awaitingAWarmUpThatNeverRanReturnsAtOnceAndKeepsItFromStarting() {
        ExtractionWarmUp warmUp = new ExtractionWarmUp();
        warmUp.awaitStopped();
        warmUp.start();
        warmUp.awaitStopped();
        assertEquals(0, warmUp.passes());
    }
}
