package org.quire.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quire.testweb.ConsoleCapture;
import org.junit.jupiter.api.io.TempDir;
import org.quire.crawl.CrawlLock;
import org.quire.testweb.TestSite;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The crawl lock, {@code --new}, and {@code quire resume} from the command line. */
class ResumeAndLockCommandTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private List<Path> jobs(Path archive, String crawl) throws Exception {
        if (!Files.isDirectory(archive.resolve(crawl))) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(archive.resolve(crawl))) {
            return s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    @Test
    void aSecondCrawlOfTheSameNameRefusesWhileTheFirstHoldsTheLock() throws Exception {
        Path seeds = tmp.resolve("seeds");
        Files.createDirectories(seeds);
        Files.writeString(seeds.resolve("news.txt"), "http://127.0.0.1:9/\n");
        Path archive = tmp.resolve("archive");
        try (CrawlLock held = CrawlLock.acquire(archive, "news")) {
            int code = Main.run("crawl", "news", "--seeds", seeds.toString(), "--archive", archive.toString());
            assertEquals(ExitCode.FAILED, code);
            assertTrue(console.err().contains("quire: crawl 'news' is already running (lock "), console.err());
            assertTrue(console.err().contains(".lock held by pid " + ProcessHandle.current().pid() + ")"), console.err());
            assertTrue(jobs(archive, "news").isEmpty(), "nothing written while locked");
        }
    }

    @Test
    void anUnfinishedJobIsResumedByCrawlAndNewStartsAFreshOne() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.1")) {
            site.route("/robots.txt", TestSite.Response.text(200, "User-agent: *\nAllow: /\n"));
            site.route("/", TestSite.Response.html("<html><body><h1>Home</h1><p>Home page text.</p>"
                    + "<a href=\"/a\">a</a></body></html>"));
            site.route("/a", TestSite.Response.html("<html><body><h1>A</h1><p>Page a.</p></body></html>"));
            Path seeds = tmp.resolve("seeds");
            Files.createDirectories(seeds);
            Files.writeString(seeds.resolve("local.txt"), site.url("/") + "\n");
            Path archive = tmp.resolve("archive");
            String[] args = {"crawl", "local", "--seeds", seeds.toString(), "--archive", archive.toString(),
                    "--set", "fetch.allow-private-addresses=true", "--set", "politeness.min-delay=0s"};
            assertEquals(ExitCode.OK, Main.run(args), console.err());
            Path job = jobs(archive, "local").get(0);
            assertTrue(Files.readString(job.resolve("job.json")).contains("\"finished\""));

            // Make it look interrupted: the job says it is still running. A crawl goes on with it.
            Path jobJson = job.resolve("job.json");
            Files.writeString(jobJson, Files.readString(jobJson).replace("\"finished\"", "\"running\""));
            assertEquals(ExitCode.OK, Main.run(args), console.err());
            assertTrue(console.out().contains("has an unfinished job; resuming " + job), console.out());
            assertEquals(1, jobs(archive, "local").size(), "no new job");
            assertEquals(2, site.paths().stream().filter(p -> !p.equals("/robots.txt")).count(),
                    "each page fetched once: " + site.paths());

            String[] fresh = new String[args.length + 1];
            System.arraycopy(args, 0, fresh, 0, args.length);
            fresh[args.length] = "--new";
            Thread.sleep(1100); // job folders are named by the second
            assertEquals(ExitCode.OK, Main.run(fresh), console.err());
            assertEquals(2, jobs(archive, "local").size(), "--new starts a fresh job");
        }
    }

    @Test
    void resumeOfAFolderThatIsNotAJobSaysSo() throws Exception {
        Path notJob = tmp.resolve("archive/news/nothing");
        Files.createDirectories(notJob);
        assertEquals(ExitCode.BAD_INPUT, Main.run("resume", notJob.toString()));
        assertTrue(console.err().contains("not a job folder"), console.err());
    }

    @Test
    void aFrontierWrittenByANewerQuireIsRefusedInOneLineNamingTheFile() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.1")) {
            site.route("/robots.txt", TestSite.Response.text(200, "User-agent: *\nAllow: /\n"));
            site.route("/", TestSite.Response.html("<html><body><h1>Home</h1><p>Home page text.</p></body></html>"));
            Path seeds = tmp.resolve("seeds");
            Files.createDirectories(seeds);
            Files.writeString(seeds.resolve("local.txt"), site.url("/") + "\n");
            Path archive = tmp.resolve("archive");
            assertEquals(ExitCode.OK, Main.run("crawl", "local", "--seeds", seeds.toString(), "--archive",
                    archive.toString(), "--set", "fetch.allow-private-addresses=true"), console.err());
            Path job = jobs(archive, "local").get(0);
            Path state = job.resolve("state.db");
            assertTrue(Files.exists(state), "the job keeps its frontier in " + state);
            try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + state);
                 var st = db.createStatement()) {
                st.execute("PRAGMA user_version = 99");
            }
            Path jobJson = job.resolve("job.json");
            Files.writeString(jobJson, Files.readString(jobJson).replace("\"finished\"", "\"running\""));
            console.resetErr();

            assertEquals(ExitCode.FAILED, Main.run("resume", job.toString()));
            String err = console.err().replaceAll("(?m)^SLF4J\\(.*\\R", "").strip();
            assertFalse(err.contains("\n"), "one line: " + err);
            assertTrue(err.startsWith("quire: ") && err.contains("state.db: frontier schema version 99 is newer"), err);
            assertFalse(err.contains("org.quire."), "no class names for quire's own errors: " + err);
        }
    }
}
