package org.quire.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs the seed article, with semantic markup and as anonymous div soup, against its expectations file. */
class SeedArticleFixtureTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = SeedArticleFixtureTest.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    static JsonNode expectations() throws IOException {
        return new ObjectMapper().readTree(resource("seed-article.expected.json"));
    }

    static ExtractedPage extract(String file, String url) throws IOException {
        return new HtmlExtractor().extract(HtmlDecoder.parse(resource(file), "text/html; charset=utf-8", url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-article.html", "seed-article-divsoup.html"})
    void mainTextHasEveryExpectedParagraphInOrderEachOnOneLine(String file) throws IOException {
        JsonNode exp = expectations();
        ExtractedPage page = extract(file, exp.get("url").asText());
        List<String> lines = new ArrayList<>();
        for (String line : page.text().split("\n")) {
            lines.add(line.replaceAll("\\s+", " ").strip());
        }
        int lineIndex = 0;
        int from = 0;
        for (JsonNode must : exp.get("must_contain")) {
            String wanted = must.asText().replaceAll("\\s+", " ").strip();
            boolean found = false;
            for (int i = lineIndex; i < lines.size() && !found; i++) {
                int at = lines.get(i).indexOf(wanted, i == lineIndex ? from : 0);
                if (at >= 0) {
                    lineIndex = i;
                    from = at + wanted.length();
                    found = true;
                }
            }
            if (!found) {
                fail(file + ": missing (or out of order) \"" + wanted + "\" in:\n" + page.text());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-article.html", "seed-article-divsoup.html"})
    void mainTextHasNoChrome(String file) throws IOException {
        JsonNode exp = expectations();
        ExtractedPage page = extract(file, exp.get("url").asText());
        for (JsonNode banned : exp.get("must_not_contain")) {
            assertFalse(page.text().contains(banned.asText()),
                    file + ": text contains \"" + banned.asText() + "\":\n" + page.text());
            assertFalse(page.markdown().contains(banned.asText()),
                    file + ": markdown contains \"" + banned.asText() + "\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-article.html", "seed-article-divsoup.html"})
    void metadataComesFromTheHead(String file) throws IOException {
        JsonNode exp = expectations();
        PageMetadata md = extract(file, exp.get("url").asText()).metadata();
        assertEquals(exp.get("title").asText(), md.title());
        assertEquals(exp.get("author").asText(), md.author());
        assertEquals(exp.get("published").asText(), md.published());
        assertEquals(exp.get("language").asText(), md.language());
        assertEquals("https://motorledger.example/evs/china-pursues-more-than-mass-production", md.canonicalUrl());
        assertTrue(md.description().startsWith("To assert China's dominance"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-article.html", "seed-article-divsoup.html"})
    void markdownMarksHeadingsAndLists(String file) throws IOException {
        JsonNode exp = expectations();
        String md = extract(file, exp.get("url").asText()).markdown();
        assertTrue(md.contains("## Navigating the EV Future: Insights from Miao's Book"), md);
        assertTrue(md.contains("### Key Issues and Opportunities"), md);
        if (file.equals("seed-article.html")) {
            assertTrue(md.contains("\n- Data Privacy and Security: As Chinese automakers"), md);
        }
    }
}
