package org.quire.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quire.testweb.ConsoleCapture;
import org.junit.jupiter.api.io.TempDir;
import org.quire.testweb.TestSite;
import org.quire.testweb.TestSite.Response;
import org.quire.testweb.WarcCheck;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The crawl and demo commands as a user runs them: exit codes, messages, what lands on disk. */
class CrawlCommandTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void demoCrawlsTheBundledSiteEndToEnd() throws Exception {
        Path archive = tmp.resolve("archive");
        assertEquals(ExitCode.OK, Main.run("demo", "--archive", archive.toString()), console.err());
        Path job;
        try (Stream<Path> s = Files.list(archive.resolve("demo"))) {
            job = s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).findFirst().orElseThrow();
        }
        List<WarcCheck.Rec> recs = WarcCheck.readAll(job.resolve("warc"));
        assertTrue(recs.stream().filter(r -> r.type().equals("response")).count() >= 8, "pages archived");
        List<String> pages = Files.readAllLines(job.resolve("pages.jsonl"));
        assertTrue(pages.size() >= 7, "pages.jsonl lines: " + pages.size());
        String log = Files.readString(job.resolve("crawl.log"));
        assertTrue(log.contains("robots-denied"), "the disallowed staff page is refused and logged");
        String china;
        try (Stream<Path> s = Files.walk(job.resolve("text")).filter(Files::isRegularFile)) {
            Path f = s.filter(p -> p.getFileName().toString().contains("china-pursues")).findFirst().orElseThrow();
            china = Files.readString(f);
        }
        assertTrue(china.contains("Navigating the EV Future: Insights from Miao's Book"), china);
        assertFalse(china.contains("Skip to content"), china);
        assertFalse(china.contains("MarvelArgues"), china);
        assertFalse(china.contains("Read also"), china);
        assertTrue(console.out().contains("pages"), "a summary is printed");
    }

    @Test
    void crawlNamesTheSeedFileAndLineOfABadSeedAndExitsTwo() throws Exception {
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        Files.writeString(seeds.resolve("news.txt"), "# news\nhttps://example.org/\n\nftp://example.org/file\n");
        int code = Main.run("crawl", "--seeds", seeds.toString(), "--archive", tmp.resolve("a").toString());
        assertEquals(ExitCode.BAD_INPUT, code);
        assertTrue(console.err().contains("news.txt:4"), console.err());
        assertFalse(Files.exists(tmp.resolve("a")), "nothing is written for bad input");
    }

    @Test
    void crawlRejectsAnUnknownSettingWithTheClosestKey() throws Exception {
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        Files.writeString(seeds.resolve("news.txt"), "https://example.org/\n");
        int code = Main.run("crawl", "--seeds", seeds.toString(), "--archive", tmp.resolve("a").toString(),
                "--set", "politeness.min-dely=2s");
        assertEquals(ExitCode.BAD_INPUT, code);
        assertTrue(console.err().contains("politeness.min-delay"), console.err());
    }

    @Test
    void crawlOfANamedSeedFileRunsToItsEnd() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.11")) {
            site.route("/robots.txt", Response.text(404, ""))
                    .route("/", Response.html("<html><body><p>Only page, with a paragraph long enough to be main text here.</p></body></html>"));
            Path seeds = Files.createDirectories(tmp.resolve("seeds"));
            Files.writeString(seeds.resolve("local.txt"), site.url("/") + "\n");
            Files.writeString(seeds.resolve("other.txt"), "https://example.invalid/\n");
            int code = Main.run("crawl", "local", "--seeds", seeds.toString(), "--archive", tmp.resolve("a").toString(),
                    "--set", "fetch.allow-private-addresses=true");
            assertEquals(ExitCode.OK, code, console.err());
            assertTrue(Files.isDirectory(tmp.resolve("a/local")));
            assertFalse(Files.exists(tmp.resolve("a/other")), "only the named crawl ran");
            assertEquals(List.of("/robots.txt", "/"), site.paths());
        }
    }

    @Test
    void privateAddressesAreRefusedByDefault() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.12")) {
            site.route("/", Response.html("<p>hi</p>"));
            Path seeds = Files.createDirectories(tmp.resolve("seeds"));
            Files.writeString(seeds.resolve("local.txt"), site.url("/") + "\n");
            int code = Main.run("crawl", "--seeds", seeds.toString(), "--archive", tmp.resolve("a").toString());
            assertEquals(ExitCode.OK, code, console.err());
            assertTrue(site.paths().isEmpty(), "nothing is sent to a loopback address by default");
            Path job;
            try (Stream<Path> s = Files.list(tmp.resolve("a/local"))) {
                job = s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).findFirst().orElseThrow();
            }
            assertTrue(Files.readString(job.resolve("crawl.log")).contains("private-address"));
        }
    }
}
