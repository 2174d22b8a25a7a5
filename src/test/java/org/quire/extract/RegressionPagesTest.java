package org.quire.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real pages from the extraction dev set (trafilatura's evaluation corpus) with snippets of its hand-checked
 * ground truth: passages that must be in the main text and boilerplate that must not.
 */
class RegressionPagesTest {

    private static String normalise(String s) {
        return String.join(" ", s.strip().split("\\s+"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"flowfx.de.tmux", "galore.de.buch", "anarc.at.cdpath"})
    void mainTextHasTheGroundTruthPassagesAndNotTheBoilerplate(String id) throws Exception {
        JsonNode truth;
        byte[] html;
        try (InputStream s = getClass().getResourceAsStream("/extract/regression/snippets.json");
             InputStream h = getClass().getResourceAsStream("/extract/regression/" + id + ".html")) {
            truth = new ObjectMapper().readTree(s).get(id);
            html = h.readAllBytes();
        }
        String text = normalise(new HtmlExtractor().extract(
                HtmlDecoder.parse(html, null, truth.get("url").asText())).text());
        for (JsonNode w : truth.get("with")) {
            assertTrue(text.contains(normalise(w.asText())), id + " lacks: " + w.asText());
        }
        for (JsonNode w : truth.get("without")) {
            assertFalse(text.contains(normalise(w.asText())), id + " has boilerplate: " + w.asText());
        }
    }
}
