package org.quire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quire.testweb.ConsoleCapture;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private Path fixture(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    @Test
    void printsMainTextOfOneFile() throws Exception {
        Path f = fixture("seed-article.html");
        assertEquals(0, Main.run("extract", f.toString()));
        String text = console.out();
        assertTrue(text.startsWith("China Pursues More Than Mass Production in Electric Vehicles\n"), text);
        assertFalse(text.contains("We use cookies"));
    }

    @Test
    void jsonHoldsTextAndMetadata() throws Exception {
        Path f = fixture("seed-article-divsoup.html");
        assertEquals(0, Main.run("extract", "--format", "json", "--url", "https://motorledger.example/x", f.toString()));
        JsonNode json = new ObjectMapper().readTree(console.out());
        assertTrue(json.get("text").asText().contains("Key Issues and Opportunities"));
        assertEquals("Lin Wei", json.get("metadata").get("author").asText());
        assertEquals("2026-11-20", json.get("metadata").get("published").asText());
    }

    @Test
    void markdownFormat() throws Exception {
        Path f = fixture("seed-article.html");
        assertEquals(0, Main.run("extract", "--format", "markdown", f.toString()));
        assertTrue(console.out().contains("# China Pursues More Than Mass Production"));
    }

    @Test
    void extractsManyFilesIntoADirectory() throws Exception {
        Path a = fixture("seed-article.html");
        Path b = fixture("seed-article-divsoup.html");
        Path junk = dir.resolve("junk.html");
        Files.write(junk, new byte[]{0, 1, 2, (byte) 0xff, (byte) 0xfe, 60, 60, 62});
        Path outDir = dir.resolve("out");
        assertEquals(0, Main.run("extract", "--out", outDir.toString(), a.toString(), b.toString(), junk.toString()));
        assertTrue(Files.readString(outDir.resolve("seed-article.txt")).contains("Revamped article:"));
        assertTrue(Files.readString(outDir.resolve("seed-article-divsoup.txt")).contains("Revamped article:"));
        assertTrue(Files.exists(outDir.resolve("junk.txt")));
        String summary = console.err();
        assertTrue(summary.contains("extracted 3 of 3 files"), summary);
    }

    @Test
    void missingFileIsBadInputNamingIt() {
        assertEquals(2, Main.run("extract", dir.resolve("nope.html").toString()));
        String msg = console.err();
        assertTrue(msg.contains("nope.html"), msg);
        assertEquals(1, msg.strip().lines().count(), msg);
    }

    @Test
    void badFormatIsBadInput() throws Exception {
        Path f = fixture("seed-article.html");
        assertEquals(2, Main.run("extract", "--format", "pdf", f.toString()));
    }
}
