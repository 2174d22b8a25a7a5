package org.quire.extract;

import org.junit.jupiter.api.Test;
import org.quire.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comment sections are dropped unless asked for; when asked they follow the main text. */
class CommentOptionTest {

    private static final String COMMENT_1 = "My grandfather helped build that wall and always said the piles were too short.";
    private static final String COMMENT_2 = "Cheaper repairs every decade add up to more than a new wall, surely.";
    private static final String BODY = "The report recommends a new wall on deeper piles";

    private static byte[] page() throws Exception {
        try (InputStream in = CommentOptionTest.class.getResourceAsStream("/extract/with-comments.html")) {
            return in.readAllBytes();
        }
    }

    private static ExtractedPage extract(ExtractOptions options) throws Exception {
        return new HtmlExtractor(options).extract(HtmlDecoder.parse(page(), null, "https://example.org/harbour"));
    }

    @Test
    void commentsAreDroppedByDefault() throws Exception {
        ExtractedPage p = extract(ExtractOptions.DEFAULT);
        assertTrue(p.text().contains(BODY), p.text());
        assertFalse(p.text().contains(COMMENT_1), p.text());
        assertFalse(p.text().contains(COMMENT_2), p.text());
    }

    @Test
    void commentsAreKeptAfterTheMainTextWhenAsked() throws Exception {
        ExtractedPage p = extract(new ExtractOptions(true));
        String t = p.text();
        assertTrue(t.indexOf(BODY) >= 0 && t.indexOf(BODY) < t.indexOf(COMMENT_1), t);
        assertTrue(t.indexOf(COMMENT_1) < t.indexOf(COMMENT_2), t);
        assertFalse(t.contains("Leave a reply"), t);
        assertTrue(p.markdown().contains("## Comments\n\n" + COMMENT_1), p.markdown());
    }

    @Test
    void extractCommandKeepsCommentsWithTheFlag(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.html");
        Files.write(f, page());
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("extract", "--with-comments", f.toString()));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains(COMMENT_2));
            out.reset();
            assertEquals(0, Main.run("extract", f.toString()));
            assertFalse(out.toString(StandardCharsets.UTF_8).contains(COMMENT_2));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void crawlSettingsCarryTheConfigKey() {
        assertFalse(ExtractOptions.from(org.quire.config.ConfigLoader.defaults().settings()).withComments());
        assertTrue(ExtractOptions.from(org.quire.config.ConfigLoader.load(Path.of("missing.yaml"), false,
                java.util.List.of("extract.comments=true")).settings()).withComments());
    }
}
