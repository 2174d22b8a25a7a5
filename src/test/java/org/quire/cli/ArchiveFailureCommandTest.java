package org.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quire.testweb.ConsoleCapture;
import org.junit.jupiter.api.io.TempDir;
import org.quire.testweb.HostileServer;
import org.quire.testweb.WarcCheck;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archive folder unusable at the start, and a job folder that becomes unwritable in the middle of a crawl
 * (as when the disk fills): one line, exit 1, nothing left looking complete, and a clean resume afterwards.
 */
class ArchiveFailureCommandTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void anArchiveFolderThatIsAFileStopsTheCrawlWithOneLine() throws Exception {
        Path seeds = tmp.resolve("seeds");
        Files.createDirectories(seeds);
        Files.writeString(seeds.resolve("news.txt"), "http://127.0.0.1:9/\n");
        Path archive = tmp.resolve("archive");
        Files.writeString(archive, "not a folder");
        int code = Main.run("crawl", "--seeds", seeds.toString(), "--archive", archive.toString());
        assertEquals(ExitCode.FAILED, code);
        List<String> lines = console.err().lines().toList();
        assertEquals(1, lines.size(), console.err());
        assertTrue(lines.get(0).startsWith("quire: crawl stopped: cannot create the crawl folder: "), console.err());
        assertTrue(lines.get(0).contains(archive.toString()), console.err());
        assertEquals("not a folder", Files.readString(archive), "nothing written");
    }

    @Test
    void aJobFolderThatBreaksMidCrawlStopsCleanlyAndResumes() throws Exception {
        Path archive = tmp.resolve("archive");
        try (HostileServer site = HostileServer.start("127.0.0.30")) {
            site.route("/robots.txt", HostileServer.raw("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n"));
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                site.route("/p/" + i, HostileServer.html(page(i)));
                expected.add(site.url("/p/" + i));
            }
            // When /p/8 is asked for, the job's text folder becomes unusable (a file in its place), as a full or
            // vanished disk would make it.
            site.route("/p/8", (s, o) -> {
                Path job = onlyJob(archive.resolve("fail"));
                Path text = job.resolve("text");
                Files.move(text, job.resolve("text-aside"));
                Files.writeString(text, "in the way");
                HostileServer.html(page(8)).answer(s, o);
            });
            Path seeds = tmp.resolve("seeds");
            Files.createDirectories(seeds);
            Files.writeString(seeds.resolve("fail.txt"), site.url("/p/0") + "\n");
            String[] args = {"crawl", "fail", "--seeds", seeds.toString(), "--archive", archive.toString(),
                    "--set", "fetch.allow-private-addresses=true", "--set", "politeness.min-delay=0s",
                    "--set", "crawl.max-depth=30"};

            assertEquals(ExitCode.FAILED, Main.run(args), console.err());
            List<String> lines = console.err().lines().toList();
            assertEquals(1, lines.size(), console.err());
            assertTrue(lines.get(0).startsWith("quire: crawl stopped: writing job "), console.err());
            assertTrue(lines.get(0).contains("text"), console.err());
            Path job = onlyJob(archive.resolve("fail"));
            assertFalse(Files.exists(job.resolve("summary.json")), "no summary: the job is not complete");
            assertTrue(Files.readString(job.resolve("job.json")).contains("\"running\""));
            try (Stream<Path> w = Files.list(job.resolve("warc"))) {
                assertTrue(w.anyMatch(p -> p.toString().endsWith(".warc.gz.open")), "the WARC file stays .open");
            }

            Files.delete(job.resolve("text"));
            Files.move(job.resolve("text-aside"), job.resolve("text"));
            site.route("/p/8", HostileServer.html(page(8)));
            console.resetErr();
            assertEquals(ExitCode.OK, Main.run(args), console.err());
            assertTrue(console.out().contains("resuming"));

            Map<String, Integer> responses = new HashMap<>();
            for (WarcCheck.Rec r : WarcCheck.readAll(job.resolve("warc"))) {
                if (r.type().equals("response") && r.target().contains("/p/")) {
                    responses.merge(r.target(), 1, Integer::sum);
                }
            }
            assertEquals(expected, responses.keySet());
            assertTrue(responses.values().stream().allMatch(v -> v == 1), responses.toString());
            ObjectMapper json = new ObjectMapper();
            Set<String> urls = new HashSet<>();
            for (String l : Files.readAllLines(job.resolve("pages.jsonl"))) {
                assertTrue(urls.add(json.readTree(l).get("url").asText()), "one line per page: " + l);
            }
            assertEquals(expected, urls);
            try (Stream<Path> t = Files.walk(job.resolve("text")).filter(Files::isRegularFile)) {
                assertEquals(expected.size(), t.count(), "every page's text, the interrupted one's written on resume");
            }
            for (String p : expected) {
                String path = p.substring(p.indexOf("/p/"));
                assertEquals(1, site.count(path), "fetched once: " + path + "\n" + console.out()
                        + Files.readString(job.resolve("crawl.log")));
            }
        }
    }

    private static String page(int i) {
        return "<html><body><h1>Page " + i + "</h1><p>The text of page " + i + " of the crawl.</p>"
                + (i + 1 < 20 ? "<a href=\"/p/" + (i + 1) + "\">next</a>" : "") + "</body></html>";
    }

    private static Path onlyJob(Path crawlDir) throws Exception {
        try (Stream<Path> s = Files.list(crawlDir)) {
            return s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).findFirst().orElseThrow();
        }
    }
}
