package org.quire.seeds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.config.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedFileEditorTest {
    @TempDir
    Path dir;

    @Test
    void appendsKeepingExistingBytesAndSkipsDuplicates() throws IOException {
        Path f = dir.resolve("news.txt");
        String before = "# My news crawl\n\nhttps://example.com/   # front page\n  # indented comment\nhttps://example.org/a";
        Files.writeString(f, before);
        SeedFileEditor.AddResult r = SeedFileEditor.add(f,
                List.of("https://EXAMPLE.com", "https://example.net/x#frag", "https://example.net/x"));
        assertFalse(r.created());
        assertEquals(List.of("https://example.net/x"), r.added());
        assertEquals(List.of(new SeedFileEditor.Skipped("https://example.com/", "already in " + f + ":3"),
                new SeedFileEditor.Skipped("https://example.net/x", "given twice")), r.skipped());
        assertEquals(before + "\nhttps://example.net/x\n", Files.readString(f));
        assertEquals(List.of("https://example.com/", "https://example.org/a", "https://example.net/x"),
                SeedFileParser.parse(f).urls());
    }

    @Test
    void keepsCrlfLineEndings() throws IOException {
        Path f = dir.resolve("win.txt");
        Files.writeString(f, "# c\r\nhttps://example.com/\r\n");
        SeedFileEditor.add(f, List.of("https://example.org/"));
        assertEquals("# c\r\nhttps://example.com/\r\nhttps://example.org/\r\n", Files.readString(f));
    }

    @Test
    void createsAMissingFileAndFolder() throws IOException {
        Path f = dir.resolve("seeds").resolve("default.txt");
        SeedFileEditor.AddResult r = SeedFileEditor.add(f, List.of("https://example.com"));
        assertTrue(r.created());
        assertEquals("https://example.com/\n", Files.readString(f));
    }

    @Test
    void invalidUrlChangesNothing() throws IOException {
        Path f = dir.resolve("news.txt");
        byte[] before = "https://example.com/\n".getBytes(StandardCharsets.UTF_8);
        Files.write(f, before);
        InputException e = assertThrows(InputException.class,
                () -> SeedFileEditor.add(f, List.of("https://ok.example/", "ftp://x")));
        assertEquals("not an absolute http(s) URL: \"ftp://x\"", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
    }

    @Test
    void nothingNewLeavesTheFileUntouched() throws IOException {
        Path f = dir.resolve("news.txt");
        Files.writeString(f, "https://example.com/");
        SeedFileEditor.AddResult r = SeedFileEditor.add(f, List.of("https://example.com/"));
        assertEquals(List.of(), r.added());
        assertEquals("https://example.com/", Files.readString(f));
    }
}
