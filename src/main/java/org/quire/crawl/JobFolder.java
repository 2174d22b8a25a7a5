package org.quire.crawl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The folder of one crawl job, {@code <archive>/<crawl>/<UTC timestamp>/}, and the fixed names inside it.
 */
public record JobFolder(Path root, String crawlName, String timestamp) {

    /** Timestamps as used in job folder names and WARC file names: {@code 20261126T184400Z}. */
    public static final DateTimeFormatter FOLDER_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Creates the folder (and warc/, text/) for a new job of {@code crawlName} started at {@code startedAt}. */
    public static JobFolder create(Path archiveRoot, String crawlName, Instant startedAt) throws IOException {
        String ts = FOLDER_TIME.format(startedAt);
        Path root = archiveRoot.resolve(crawlName).resolve(ts);
        int n = 1;
        while (Files.exists(root)) {
            root = archiveRoot.resolve(crawlName).resolve(ts + "-" + (++n));
        }
        JobFolder job = new JobFolder(root, crawlName, ts);
        Files.createDirectories(job.warcDir());
        Files.createDirectories(job.textDir());
        return job;
    }

    /**
     * An existing job folder, to resume.
     *
     * @throws IOException when it is not a job folder (no job.json or state.db)
     */
    public static JobFolder open(Path root) throws IOException {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs) || (!Files.exists(abs.resolve("job.json")) && !Files.exists(abs.resolve("state.db")))) {
            throw new IOException("not a job folder (no job.json or state.db): " + root);
        }
        Path crawl = abs.getParent();
        return new JobFolder(root, crawl == null ? "crawl" : crawl.getFileName().toString(),
                abs.getFileName().toString());
    }

    /**
     * The newest job of {@code crawlName} under {@code archiveRoot} that did not run to its end (its job.json
     * says running or stopped), if any.
     */
    public static java.util.Optional<JobFolder> latestUnfinished(Path archiveRoot, String crawlName) throws IOException {
        Path dir = archiveRoot.resolve(crawlName);
        if (!Files.isDirectory(dir)) {
            return java.util.Optional.empty();
        }
        java.util.List<Path> jobs;
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            jobs = s.filter(p -> Files.isRegularFile(p.resolve("job.json"))).sorted().toList();
        }
        if (jobs.isEmpty()) {
            return java.util.Optional.empty();
        }
        Path newest = jobs.get(jobs.size() - 1);
        if (JobManifest.read(newest.resolve("job.json")).finished()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(open(newest));
    }

    public Path jobJson() {
        return root.resolve("job.json");
    }

    public Path warcDir() {
        return root.resolve("warc");
    }

    public Path textDir() {
        return root.resolve("text");
    }

    public Path pagesJsonl() {
        return root.resolve("pages.jsonl");
    }

    public Path crawlLog() {
        return root.resolve("crawl.log");
    }

    public Path summaryJson() {
        return root.resolve("summary.json");
    }

    public Path stateDb() {
        return root.resolve("state.db");
    }
}
