package org.quire.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quire.testweb.ConsoleCapture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class SeedsCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    /** Standard error without SLF4J's one-time "no providers" notice (crawler-commons logs through SLF4J). */
    private String err() {
        return console.err().replaceAll("(?m)^SLF4J\\(.*\\R", "");
    }

    @Test
    void addCreatesDefaultFileThenSkipsDuplicates() throws IOException {
        Path seeds = dir.resolve("seeds");
        assertEquals(0, Main.run("seeds", "add", "https://Example.com", "--seeds", seeds.toString()));
        Path file = seeds.resolve("default.txt");
        assertEquals("created " + file + "\nadded https://example.com/\n" + file + ": 1 added, 0 skipped\n", console.out());
        assertEquals("https://example.com/\n", Files.readString(file));

        console.resetOut();
        assertEquals(0, Main.run("seeds", "add", "https://example.com/", "https://example.org/",
                "--seeds", seeds.toString()));
        assertEquals("added https://example.org/\nskipped https://example.com/ (already in " + file + ":1)\n"
                + file + ": 1 added, 1 skipped\n", console.out());
    }

    @Test
    void addToNamedCrawlKeepsComments() throws IOException {
        Path news = Files.writeString(dir.resolve("news.txt"), "# news\nhttps://news.example/  # main\n");
        assertEquals(0, Main.run("seeds", "add", "--to", "news", "--seeds", dir.toString(),
                "https://news.example/world"));
        assertEquals("# news\nhttps://news.example/  # main\nhttps://news.example/world\n", Files.readString(news));
    }

    @Test
    void addBadUrlExitsTwoAndWritesNothing() {
        assertEquals(2, Main.run("seeds", "add", "ftp://x", "--seeds", dir.toString()));
        assertEquals("quire: not an absolute http(s) URL: \"ftp://x\"\n", err());
        assertTrue(Files.notExists(dir.resolve("default.txt")));
        assertEquals(2, Main.run("seeds", "add", "https://x.example/", "--to", "bad/name", "--seeds", dir.toString()));
        assertTrue(err().contains("--to bad/name: a crawl name may only contain"), err());
    }

    @Test
    void listPrintsCrawlsAndWarnsOnStderr() throws IOException {
        Files.writeString(dir.resolve("news.txt"), "https://news.example/\nhttps://NEWS.example\n");
        Files.writeString(dir.resolve("blog.txt"), "# nothing yet\n");
        assertEquals(0, Main.run("seeds", "list", "--seeds", dir.toString()));
        assertEquals("blog (" + dir.resolve("blog.txt") + ", 0 seeds)\n"
                + "news (" + dir.resolve("news.txt") + ", 1 seed)\n  https://news.example/\n", console.out());
        assertEquals("quire: warning: " + dir.resolve("blog.txt") + ": no seeds (the file is empty or has only "
                + "comments)\nquire: warning: " + dir.resolve("news.txt") + ":2: duplicate of line 1 "
                + "(https://news.example/)\n", err());
    }

    @Test
    void listOneCrawlOrAnUnknownOne() throws IOException {
        Files.writeString(dir.resolve("news.txt"), "https://news.example/\n");
        Files.writeString(dir.resolve("blog.txt"), "https://blog.example/\n");
        assertEquals(0, Main.run("seeds", "list", "news", "--seeds", dir.toString()));
        assertEquals("news (" + dir.resolve("news.txt") + ", 1 seed)\n  https://news.example/\n", console.out());
        assertEquals(2, Main.run("seeds", "list", "shop", "--seeds", dir.toString()));
        assertEquals("quire: no crawl named 'shop' in " + dir + "/ (crawls: blog, news)\n", err());
    }

    @Test
    void badSeedLineExitsTwoWithFileAndLine() throws IOException {
        Files.writeString(dir.resolve("news.txt"), "# header\nhttps://ok.example/\nwww.example.com\n");
        assertEquals(2, Main.run("seeds", "list", "--seeds", dir.toString()));
        assertEquals("quire: " + dir.resolve("news.txt") + ":3: not an absolute http(s) URL: \"www.example.com\"\n",
                err());
        assertEquals("", console.out());
    }

    @Test
    void emptyFolderExitsTwo() throws IOException {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        assertEquals(2, Main.run("seeds", "list", "--seeds", seeds.toString()));
        assertEquals("quire: " + seeds + "/: no seed files (*.txt) found\n", err());
    }

    @Test
    void helpMentionsTheDefaultCrawl() {
        assertEquals(0, Main.run("seeds", "add", "--help"));
        assertTrue(console.out().replaceAll("\\s+", " ").contains("created if missing (default: default)"), console.out());
        assertEquals(2, Main.run("seeds"));
        assertTrue(err().contains("Missing sub-command: add or list"), err());
    }
}
