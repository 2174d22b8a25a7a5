package org.quire.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.quire.archive.CrawlLogEntry;
import org.quire.archive.CrawlLogLines;
import org.quire.archive.LineFiles;
import org.quire.archive.RecordLocation;
import org.quire.archive.WarcFileNames;
import org.quire.archive.WarcFileRepair;
import org.quire.fetch.FetchResult;
import org.quire.frontier.CrawlUrl;
import org.quire.frontier.SqliteFrontier;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes an interrupted job consistent again before it goes on (see "Exactly once" in RELIABILITY.md). The crawl
 * writes each capture in this order: WARC records, then pages.jsonl and text, then "done" in the database. After
 * a crash, this:
 * <ol>
 *   <li>cuts a torn last line off pages.jsonl and crawl.log ({@link #cutTornLines});</li>
 *   <li>recounts the summary from crawl.log and pages.jsonl;</li>
 *   <li>reads every {@code .open} WARC file (and the last closed one), cuts a torn last record off, renames it;</li>
 *   <li>for each whole response record whose URL the database does not have as done: marks it done with the
 *       record's location, after writing what the crawl would have written next (its crawl.log line if missing,
 *       its pages.jsonl line if missing, its text file, its links or redirect target) from the archived
 *       response — nothing is fetched again.</li>
 * </ol>
 * Runs before any fetch thread starts.
 */
final class JobRepair {

    /** What a repair found and did. */
    record Report(int warcFilesRepaired, long bytesCut, int capturesRecovered, long earlierFetches) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobFolder folder;
    private final SqliteFrontier frontier;
    private final CrawlEvents events;
    private final PageProcessor pages;
    private final UrlProcessor urls;
    private long earlierFetches;

    JobRepair(JobFolder folder, SqliteFrontier frontier, CrawlEvents events, PageProcessor pages, UrlProcessor urls) {
        this.folder = folder;
        this.frontier = frontier;
        this.events = events;
        this.pages = pages;
        this.urls = urls;
    }

    /**
     * Step 1, before the line files are opened for appending: cuts their torn last lines. (A text file a kill left
     * half-written belongs to a capture that is not done yet: step 4 or the refetch writes it again.) Also deletes
     * the {@code text/.tmp-*} files that versions which wrote text under a temporary name could leave behind.
     */
    static long cutTornLines(JobFolder folder) throws IOException {
        if (Files.isDirectory(folder.textDir())) {
            try (Stream<Path> s = Files.list(folder.textDir())) {
                for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return LineFiles.cutTornLastLine(folder.pagesJsonl()) + LineFiles.cutTornLastLine(folder.crawlLog());
    }

    Report run() throws IOException {
        Set<String> loggedFetches = recountCrawlLog();
        Set<String> pageLines = recountPages();

        repairOpenWetFiles();
        List<Path> toRepair = warcFilesToRead();
        List<WarcFileRepair.Result> results = new ArrayList<>();
        long cut = 0;
        for (Path p : toRepair) {
            WarcFileRepair.Result r = p.getFileName().toString().endsWith(WarcFileNames.OPEN_SUFFIX)
                    ? WarcFileRepair.repair(p)
                    : new WarcFileRepair.Result(p, WarcFileRepair.read(p), 0);
            cut += r.cutBytes();
            results.add(r);
        }
        Set<String> withOutlinks = new HashSet<>();
        for (WarcFileRepair.Result r : results) {
            for (WarcFileRepair.Found f : r.records()) {
                if (f.type().equals("metadata")) {
                    withOutlinks.addAll(f.concurrentTo());
                }
            }
        }
        Map<String, Path> originalFile = new HashMap<>();
        Map<String, WarcFileRepair.Found> originalByDigest = new HashMap<>();
        for (WarcFileRepair.Result r : results) {
            for (WarcFileRepair.Found f : r.records()) {
                if (f.type().equals("response") && f.payloadDigest() != null) {
                    originalByDigest.putIfAbsent(f.payloadDigest(), f);
                    originalFile.putIfAbsent(f.payloadDigest(), r.file());
                }
            }
        }
        int recovered = 0;
        for (WarcFileRepair.Result r : results) {
            for (WarcFileRepair.Found f : r.records()) {
                if (f.target() == null || f.httpStatus() <= 0) {
                    continue;
                }
                boolean done = false;
                if (f.type().equals("response")) {
                    done = recover(r.file(), f, loggedFetches, pageLines, withOutlinks);
                } else if (f.type().equals("revisit")) {
                    WarcFileRepair.Found original = f.payloadDigest() == null ? null : originalByDigest.get(f.payloadDigest());
                    done = recoverRevisit(r.file(), f, original == null ? null : originalFile.get(f.payloadDigest()),
                            original, loggedFetches, pageLines);
                }
                if (done) {
                    recovered++;
                }
            }
        }
        frontier.flush();
        return new Report(toRepair.size(), cut, recovered, earlierFetches);
    }

    /**
     * A revisit record (identical payload, or 304) whose URL is not done: the URL is marked done with the revisit's
     * location, and its page is processed again from the original response when that is in the files read.
     */
    private boolean recoverRevisit(Path file, WarcFileRepair.Found f, Path originalFile, WarcFileRepair.Found original,
                                   Set<String> loggedFetches, Set<String> pageLines) throws IOException {
        Optional<CrawlUrl> claimed = frontier.claimQueued(f.target());
        if (claimed.isEmpty()) {
            return false;
        }
        CrawlUrl cu = claimed.get();
        int status = f.httpStatus();
        RecordLocation loc = f.location(file.getFileName().toString());
        if (!loggedFetches.contains(f.target() + " " + status)) {
            events.record(new CrawlLogEntry(Instant.now(), Integer.toString(status), -1, cu.url(), cu.discoveryPath(),
                    cu.via(), null, -1, f.payloadDigest(), "recovered-revisit-from-warc"));
        }
        if (original != null && status >= 200 && status < 300 && !pageLines.contains(f.recordId())) {
            try {
                FetchResult r = WarcFileRepair.reread(originalFile, original.offset()).withUrl(URI.create(cu.url()));
                pages.redo(cu, r, loc, true, false);
            } catch (RuntimeException e) {
                // the capture stays archived and done; its page could not be processed again
            }
        }
        frontier.complete(cu, Integer.toString(status), Instant.now(), loc);
        return true;
    }

    private boolean recover(Path file, WarcFileRepair.Found f, Set<String> loggedFetches, Set<String> pageLines,
                            Set<String> withOutlinks) throws IOException {
        int status = f.httpStatus();
        if (status == 429 || status == 503) {
            return false; // a retryable answer: the URL stays queued and is tried again, as it would have been
        }
        Optional<CrawlUrl> claimed = frontier.claimQueued(f.target());
        if (claimed.isEmpty()) {
            return false; // done already, unknown (robots.txt), or not ours
        }
        CrawlUrl cu = claimed.get();
        RecordLocation loc = f.location(file.getFileName().toString());
        FetchResult r = WarcFileRepair.reread(file, f.offset());
        if (!loggedFetches.contains(f.target() + " " + status)) {
            events.record(new CrawlLogEntry(r.fetchedAt(), Integer.toString(status), r.body().length, cu.url(),
                    cu.discoveryPath(), cu.via(), r.mimeType().isEmpty() ? null : r.mimeType(), -1,
                    f.payloadDigest(), "recovered-from-warc"));
        }
        try {
            if (r.isRedirect()) {
                urls.followRedirect(cu, URI.create(cu.url()), r.header("Location"));
            } else if (status >= 200 && status < 300) {
                pages.redo(cu, r, loc, withOutlinks.contains(f.recordId()), pageLines.contains(f.recordId()));
            }
        } catch (RuntimeException e) {
            // the capture stays archived and done; its page could not be processed again
        }
        frontier.complete(cu, Integer.toString(status), Instant.now(), loc);
        return true;
    }

    /** WET files left open by a kill: their torn last record is cut and they are renamed; the text is derived data. */
    private void repairOpenWetFiles() throws IOException {
        if (!Files.isDirectory(folder.warcDir())) {
            return;
        }
        List<Path> open;
        try (Stream<Path> s = Files.list(folder.warcDir())) {
            open = s.filter(p -> p.getFileName().toString().endsWith(".wet.gz" + WarcFileNames.OPEN_SUFFIX)).toList();
        }
        for (Path p : open) {
            WarcFileRepair.repair(p);
        }
    }

    /** Every {@code .open} file, and the newest closed file (its last captures may not be marked done yet). */
    private List<Path> warcFilesToRead() throws IOException {
        if (!Files.isDirectory(folder.warcDir())) {
            return List.of();
        }
        List<Path> all;
        try (Stream<Path> s = Files.list(folder.warcDir())) {
            all = s.sorted().toList();
        }
        List<Path> out = new ArrayList<>();
        Path lastClosed = null;
        for (Path p : all) {
            String n = p.getFileName().toString();
            if (n.endsWith(".warc.gz" + WarcFileNames.OPEN_SUFFIX)) {
                out.add(p);
            } else if (n.endsWith(".warc.gz")) {
                lastClosed = p;
            }
        }
        if (lastClosed != null) {
            out.add(0, lastClosed);
        }
        return out;
    }

    /** Feeds crawl.log's lines to the summary; returns "url status" of each fetch that got an answer. */
    private Set<String> recountCrawlLog() throws IOException {
        Set<String> fetched = new HashSet<>();
        if (!Files.exists(folder.crawlLog())) {
            return fetched;
        }
        try (BufferedReader in = Files.newBufferedReader(folder.crawlLog(), StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                Optional<CrawlLogEntry> e = CrawlLogLines.parse(line);
                if (e.isEmpty()) {
                    continue;
                }
                events.recount(e.get());
                String s = e.get().status();
                if (s != null && !s.isEmpty() && Character.isDigit(s.charAt(0))) {
                    fetched.add(e.get().url() + " " + s);
                    if (!"robots.txt".equals(e.get().note())) {
                        earlierFetches++;
                    }
                }
            }
        }
        return fetched;
    }

    /** Counts pages.jsonl's lines as pages; returns the record ids they point at. */
    private Set<String> recountPages() throws IOException {
        Set<String> ids = new HashSet<>();
        if (!Files.exists(folder.pagesJsonl())) {
            return ids;
        }
        try (BufferedReader in = Files.newBufferedReader(folder.pagesJsonl(), StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                JsonNode id = n.get("warc_record_id");
                if (id != null && !id.isNull()) {
                    ids.add(id.asText());
                }
                events.page();
            }
        }
        return ids;
    }
}
