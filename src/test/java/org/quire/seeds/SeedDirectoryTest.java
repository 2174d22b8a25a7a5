package org.quire.seeds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.config.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SeedDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void loadsEveryTxtFileSortedByName() throws IOException {
        Files.writeString(dir.resolve("news.txt"), "https://news.example/\n");
        Files.writeString(dir.resolve("blog.txt"), "https://blog.example/\n");
        Files.writeString(dir.resolve("README.md"), "not seeds\n");
        Files.writeString(dir.resolve(".hidden.txt"), "garbage\n");
        Files.createDirectories(dir.resolve("sub.txt"));
        SortedMap<String, SeedFile> crawls = SeedDirectory.load(dir);
        assertEquals(List.of("blog", "news"), List.copyOf(crawls.keySet()));
        assertEquals(List.of("https://news.example/"), crawls.get("news").urls());
        assertEquals(dir.resolve("news.txt"), crawls.get("news").path());
    }

    @Test
    void singleFile() throws IOException {
        Path f = Files.writeString(dir.resolve("one.txt"), "https://one.example/\n");
        assertEquals(List.of("one"), List.copyOf(SeedDirectory.load(f).keySet()));
    }

    @Test
    void emptyFolderAndMissingPath() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("seeds"));
        assertEquals(empty + "/: no seed files (*.txt) found",
                assertThrows(InputException.class, () -> SeedDirectory.load(empty)).getMessage());
        Path missing = dir.resolve("nothing");
        assertEquals(missing + ": no such seed file or folder",
                assertThrows(InputException.class, () -> SeedDirectory.load(missing)).getMessage());
    }

    @Test
    void oneBadFileFailsTheWholeLoad() throws IOException {
        Files.writeString(dir.resolve("good.txt"), "https://good.example/\n");
        Files.writeString(dir.resolve("news.txt"), "https://news.example/\nnews.example/page\n");
        assertEquals(dir.resolve("news.txt") + ":2: not an absolute http(s) URL: \"news.example/page\"",
                assertThrows(InputException.class, () -> SeedDirectory.load(dir)).getMessage());
    }
}
