package org.quire.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.testweb.TestSite;
import org.quire.testweb.WarcCheck;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real crawl process (a child JVM running quire's main) over 4 local hosts × 600 linked pages is killed with
 * SIGKILL at random moments (three mid-crawl, one early in a resume) and resumed each time; at the end every page is archived exactly once, every
 * pages.jsonl line points at its record, crawl.log has one line per page, and every WARC file re-reads with its
 * digests.
 */
class KillAndResumeTest {

    static final int HOSTS = 4;
    static final int PAGES = 600;

    @TempDir
    Path tmp;

    final List<TestSite> sites = new ArrayList<>();

    @AfterEach
    void stop() {
        sites.forEach(TestSite::close);
    }

    @Test
    void killedAtRandomMomentsAndResumedEveryPageIsArchivedExactlyOnce() throws Exception {
        for (int h = 0; h < HOSTS; h++) {
            sites.add(TestSite.start("127.0.0." + (h + 2)));
        }
        Set<String> expected = new HashSet<>();
        for (int h = 0; h < HOSTS; h++) {
            TestSite site = sites.get(h);
            TestSite other = sites.get((h + 1) % HOSTS);
            site.route("/robots.txt", TestSite.Response.text(200, "User-agent: *\nAllow: /\n"));
            for (int i = 0; i < PAGES; i++) {
                StringBuilder html = new StringBuilder("<html><head><title>Page " + h + "/" + i
                        + "</title></head><body><article><h1>Page " + i + "</h1><p>Host " + h + " page " + i
                        + " has a paragraph of text long enough to be main text of an article.</p>");
                for (int j : new int[]{2 * i + 1, 2 * i + 2, i + 1}) {
                    if (j < PAGES) {
                        html.append("<a href=\"/p/").append(j).append("\">next ").append(j).append("</a> ");
                    }
                }
                html.append("<a href=\"").append(other.url("/p/" + i)).append("\">other</a>");
                html.append("</article></body></html>");
                // Connection: close keeps the JDK server from stalling on delayed ACKs with keep-alive
                site.route("/p/" + i, new TestSite.Response(200, Map.of("Content-Type", "text/html; charset=utf-8",
                        "Connection", "close"), html.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), 0));
                expected.add(site.url("/p/" + i));
            }
        }
        Path seeds = tmp.resolve("seeds");
        Files.createDirectories(seeds);
        Files.writeString(seeds.resolve("kt.txt"), sites.stream().map(s -> s.url("/p/0"))
                .collect(Collectors.joining("\n", "", "\n")));
        Path archive = tmp.resolve("archive");

        Random random = new Random();
        long seed = random.nextLong();
        random = new Random(seed);
        int kills = 4;
        int lastLines = 0;
        for (int k = 0; k < kills; k++) {
            Process p = start(seeds, archive, k == 1);
            if (k == 2) {
                // a kill early in a resume: while the JVM starts, the job is repaired, or the first pages go
                Thread.sleep(300 + random.nextInt(1500));
                assertTrue(p.isAlive(), output(p));
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                continue;
            }
            int target = lastLines + 150 + random.nextInt(350);
            Path pages = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (p.isAlive() && System.nanoTime() < deadline) {
                if (pages == null) {
                    pages = findJobFile(archive, "pages.jsonl");
                }
                if (pages != null && lines(pages) >= target) {
                    break;
                }
                Thread.sleep(random.nextInt(20));
            }
            assertTrue(p.isAlive(), "crawl ended before kill " + k + " (seed " + seed + "): " + output(p));
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            lastLines = pages == null ? lastLines : lines(pages);
        }
        Process last = start(seeds, archive, false);
        assertTrue(last.waitFor(60, TimeUnit.SECONDS), "final run ends");
        String out = output(last);
        assertEquals(0, last.exitValue(), out);
        assertTrue(out.contains("resum"), out);

        List<Path> jobs;
        try (Stream<Path> s = Files.list(archive.resolve("kt"))) {
            jobs = s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
        }
        assertEquals(1, jobs.size(), "one job, resumed each time: " + jobs);
        Path job = jobs.get(0);

        List<WarcCheck.Rec> recs = WarcCheck.readAll(job.resolve("warc")); // digests; fails on .open
        Map<String, Integer> responses = new HashMap<>();
        Map<String, WarcCheck.Rec> byId = new HashMap<>();
        for (WarcCheck.Rec r : recs) {
            byId.put(r.id(), r);
            if ((r.type().equals("response") || r.type().equals("revisit")) && !r.target().endsWith("/robots.txt")) {
                responses.merge(r.target(), 1, Integer::sum);
            }
        }
        Map<String, Integer> twice = responses.entrySet().stream().filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertTrue(twice.isEmpty(), "archived more than once (seed " + seed + "): " + twice);
        assertEquals(expected, responses.keySet(), "every page archived");

        ObjectMapper json = new ObjectMapper();
        Set<String> lineIds = new HashSet<>();
        Set<String> lineUrls = new HashSet<>();
        List<String> pageLines = Files.readAllLines(job.resolve("pages.jsonl"));
        for (String line : pageLines) {
            JsonNode n = json.readTree(line);
            WarcCheck.Rec r = byId.get(n.get("warc_record_id").asText());
            assertTrue(r != null, "pages.jsonl line points at an existing record: " + line);
            assertEquals(n.get("warc_file").asText(), r.file());
            assertEquals(n.get("warc_offset").asLong(), r.offset());
            assertTrue(lineIds.add(r.id()), "one line per record: " + line);
            assertTrue(lineUrls.add(n.get("url").asText()), "one line per page: " + line);
        }
        assertEquals(expected, lineUrls);
        try (Stream<Path> s = Files.walk(job.resolve("text")).filter(Files::isRegularFile)) {
            assertEquals(expected.size(), s.filter(f -> f.toString().endsWith(".txt")).count());
        }
        Map<String, Long> logged = Files.readAllLines(job.resolve("crawl.log")).stream()
                .map(l -> l.split(" "))
                .filter(c -> c[1].equals("200") && !c[3].endsWith("/robots.txt"))
                .collect(Collectors.groupingBy(c -> c[3], Collectors.counting()));
        assertEquals(expected, logged.keySet(), "crawl.log has every page");
        assertTrue(logged.values().stream().allMatch(v -> v == 1), "crawl.log has each page once");
        JsonNode summary = json.readTree(job.resolve("summary.json").toFile());
        assertEquals(expected.size(), summary.get("pages_archived").asLong(), summary.toString());
        assertTrue(Files.readString(job.resolve("job.json")).contains("\"finished\""));
    }

    private Process start(Path seeds, Path archive, boolean viaResume) throws Exception {
        return start("kt", seeds, archive, viaResume);
    }

    private Process start(String name, Path seeds, Path archive, boolean viaResume) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "org.quire.cli.Main"));
        Path job = viaResume ? findJob(archive.resolve(name)) : null;
        if (job != null) {
            cmd.addAll(List.of("resume", job.toString()));
        } else {
            cmd.addAll(List.of("crawl", name, "--seeds", seeds.toString(), "--archive", archive.toString(),
                    "--set", "fetch.allow-private-addresses=true", "--set", "politeness.min-delay=0s",
                    "--set", "politeness.delay-factor=0", "--set", "crawl.max-depth=100",
                    "--set", "fetch.threads=8"));
        }
        File log = tmp.resolve("run-" + System.nanoTime() + ".out").toFile();
        return new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(log).start();
    }

    private String output(Process p) throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            List<Path> outs = s.filter(f -> f.getFileName().toString().endsWith(".out")).sorted().toList();
            StringBuilder sb = new StringBuilder();
            for (Path f : outs) {
                sb.append(Files.readString(f));
            }
            return sb.toString();
        }
    }

    private static Path findJob(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).findFirst().orElse(null);
        }
    }

    private static Path findJobFile(Path archive, String name) throws Exception {
        Path job = findJob(archive.resolve("kt"));
        return job == null || !Files.exists(job.resolve(name)) ? null : job.resolve(name);
    }

    private static int lines(Path file) throws Exception {
        byte[] b = Files.readAllBytes(file);
        int n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return n;
    }

    @Test
    void sigtermStopsGracefullyAndTheCrawlResumesWhereItStopped() throws Exception {
        Set<String> expected = new HashSet<>();
        for (int h = 0; h < 2; h++) {
            TestSite site = TestSite.start("127.0.0." + (h + 6));
            sites.add(site);
            site.route("/robots.txt", TestSite.Response.text(200, "User-agent: *\nAllow: /\n"));
            for (int i = 0; i < 40; i++) {
                String html = "<html><body><h1>Page " + i + "</h1><p>Some text of page " + i + ".</p>"
                        + (i + 1 < 40 ? "<a href=\"/p/" + (i + 1) + "\">next</a>" : "") + "</body></html>";
                site.route("/p/" + i, TestSite.Response.html(html).delayed(40));
                expected.add(site.url("/p/" + i));
            }
        }
        Path seeds = tmp.resolve("seeds");
        Files.createDirectories(seeds);
        Files.writeString(seeds.resolve("st.txt"), sites.get(0).url("/p/0") + "\n" + sites.get(1).url("/p/0") + "\n");
        Path archive = tmp.resolve("archive");
        Process p = start("st", seeds, archive, false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Path job = findJob(archive.resolve("st"));
            if (job != null && Files.exists(job.resolve("pages.jsonl")) && lines(job.resolve("pages.jsonl")) >= 6) {
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), output(p));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stops within the bound");
        String out = output(p);
        assertTrue(out.contains("quire: stopped; resume with: quire crawl st"), out);
        Path job = findJob(archive.resolve("st"));
        WarcCheck.warcFiles(job.resolve("warc")); // no .open left: files were closed whole
        assertTrue(Files.readString(job.resolve("job.json")).contains("\"stopped\""));
        assertTrue(Files.exists(job.resolve("summary.json")));
        int stoppedAt = lines(job.resolve("pages.jsonl"));
        assertTrue(stoppedAt < expected.size(), "stopped before the end: " + stoppedAt);

        Process again = start("st", seeds, archive, false);
        assertTrue(again.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, again.exitValue(), output(again));
        Map<String, Integer> responses = new HashMap<>();
        for (WarcCheck.Rec r : WarcCheck.readAll(job.resolve("warc"))) {
            if ((r.type().equals("response") || r.type().equals("revisit")) && !r.target().endsWith("/robots.txt")) {
                responses.merge(r.target(), 1, Integer::sum);
            }
        }
        assertEquals(expected, responses.keySet());
        assertTrue(responses.values().stream().allMatch(v -> v == 1), responses.toString());
        assertEquals(expected.size(), lines(job.resolve("pages.jsonl")));
        assertTrue(Files.readString(job.resolve("job.json")).contains("\"finished\""));
    }
}
