package org.quire.extract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input a crawler meets in the wild must give a result, never a crash or a hang. */
class HostileInputTest {

    @Test
    void hundredThousandNestedElementsDoNotOverflowTheStack() {
        int depth = 100_000;
        StringBuilder sb = new StringBuilder("<html><body>");
        sb.append("<div>".repeat(depth));
        sb.append("<p>Deep inside the nesting there is a paragraph of real text, long enough to count as content.</p>");
        sb.append("</div>".repeat(depth));
        sb.append("</body></html>");
        ExtractedPage page = new HtmlExtractor().extract(
                HtmlDecoder.parse(sb.toString().getBytes(StandardCharsets.UTF_8), null, "https://deep.example/"));
        assertTrue(page.text().contains("Deep inside the nesting there is a paragraph"), page.text());
    }

    @Test
    void deeplyNestedInlineElementsAndLinks() {
        int depth = 100_000;
        String html = "<body>" + "<span><a href=/x>".repeat(depth) + "word" + "</a></span>".repeat(depth) + "</body>";
        ExtractedPage page = new HtmlExtractor().extract(
                HtmlDecoder.parse(html.getBytes(StandardCharsets.UTF_8), null, "https://deep.example/"));
        assertNotNull(page.text());
        assertEquals("https://deep.example/x", page.links().get(0).url());
    }

    @Test
    void binaryJunkGivesAResult() {
        byte[] junk = new byte[2_000_000];
        new Random(42).nextBytes(junk);
        ExtractedPage page = new HtmlExtractor().extract(HtmlDecoder.parse(junk, "text/html; charset=bogus-42", null));
        assertNotNull(page.text());
        assertNotNull(page.metadata());
    }

    @Test
    void emptyAndNullBodies() {
        assertEquals("", new HtmlExtractor().extract(HtmlDecoder.parse(new byte[0], null, null)).text());
        assertEquals("", new HtmlExtractor().extract(HtmlDecoder.parse(null, "text/html", "")).text());
    }

    @Test
    void tenMegabytePageIsExtracted() {
        String para = "<p>This is one paragraph of a very long page, with commas, words and sentences that go on.</p>\n";
        StringBuilder sb = new StringBuilder("<html><head><title>Big</title></head><body><article>");
        while (sb.length() < 10_000_000) {
            sb.append(para);
        }
        sb.append("</article></body></html>");
        ExtractedPage page = new HtmlExtractor().extract(
                HtmlDecoder.parse(sb.toString().getBytes(StandardCharsets.UTF_8), null, "https://big.example/"));
        assertTrue(page.text().length() > 5_000_000);
        assertEquals("Big", page.metadata().title());
    }

    @Test
    void brokenJsonLdIsIgnored() {
        String html = "<html><head><title>Broken Page - Site</title><script type=application/ld+json>{\"@type\": \"NewsArticle\", "
                + "\"headline\": </script></head><body><p>Text of the page that is long enough to be content here.</p></body></html>";
        ExtractedPage page = new HtmlExtractor().extract(HtmlDecoder.parse(html.getBytes(StandardCharsets.UTF_8), null, ""));
        assertEquals("Broken Page", page.metadata().title());
        assertTrue(page.text().contains("Text of the page"));
    }

    @Test
    void malformedMarkupStillGivesItsText() {
        String html = "<html><body><div><p>Unclosed paragraph with a <b>bold <i>misnested</b> phrase</i> that a "
                + "parser has to repair before anyone can read it properly.<p>Second paragraph after a stray "
                + "</span></div></td> end tag and an attribute <a href=\"x\"\"\" junk>without quotes closing";
        ExtractedPage page = new HtmlExtractor().extract(HtmlDecoder.parse(
                html.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, "https://example.org/"));
        org.junit.jupiter.api.Assertions.assertTrue(page.text().contains("misnested phrase that a parser"),
                page.text());
        org.junit.jupiter.api.Assertions.assertTrue(page.text().contains("Second paragraph after a stray"),
                page.text());
    }
}
