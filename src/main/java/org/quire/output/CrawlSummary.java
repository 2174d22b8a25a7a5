package org.quire.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The outcome of one crawl run, written to {@code summary.json} and printed at the end of a run.
 *
 * @param crawlName       the crawl's name
 * @param jobFolder       the job folder (absolute path)
 * @param started         when the run began
 * @param finished        when it ended
 * @param durationSeconds finished - started, in seconds
 * @param urlsAttempted   crawl.log lines: fetch attempts plus URLs refused before fetching
 * @param pagesArchived   HTML pages archived and extracted (the lines of pages.jsonl)
 * @param bytesDownloaded body bytes received, as received (content-encoded)
 * @param warcBytes       size of the WARC files written
 * @param warcFiles       names of the WARC files written
 * @param byStatus        attempts per HTTP status code ("200" → n)
 * @param robotsBlocked   URLs not fetched because robots.txt disallowed them
 * @param errorsByKind    failed attempts per error kind code ("timeout" → n)
 * @param refusedByKind   URLs quire chose not to fetch, per kind ("out-of-scope" → n), robots-denied excepted
 * @param pagesPerSecond  pagesArchived / durationSeconds
 */
@JsonPropertyOrder({"crawl_name", "job_folder", "started", "finished", "duration_seconds", "urls_attempted",
        "pages_archived", "bytes_downloaded", "warc_bytes", "warc_files", "by_status", "robots_blocked",
        "errors_by_kind", "refused_by_kind", "pages_per_second"})
public record CrawlSummary(
        @JsonProperty("crawl_name") String crawlName,
        @JsonProperty("job_folder") String jobFolder,
        @JsonProperty("started") Instant started,
        @JsonProperty("finished") Instant finished,
        @JsonProperty("duration_seconds") double durationSeconds,
        @JsonProperty("urls_attempted") long urlsAttempted,
        @JsonProperty("pages_archived") long pagesArchived,
        @JsonProperty("bytes_downloaded") long bytesDownloaded,
        @JsonProperty("warc_bytes") long warcBytes,
        @JsonProperty("warc_files") List<String> warcFiles,
        @JsonProperty("by_status") Map<String, Long> byStatus,
        @JsonProperty("robots_blocked") long robotsBlocked,
        @JsonProperty("errors_by_kind") Map<String, Long> errorsByKind,
        @JsonProperty("refused_by_kind") Map<String, Long> refusedByKind,
        @JsonProperty("pages_per_second") double pagesPerSecond) {

    public CrawlSummary {
        warcFiles = warcFiles == null ? List.of() : List.copyOf(warcFiles);
        byStatus = byStatus == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(byStatus));
        errorsByKind = errorsByKind == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(errorsByKind));
        refusedByKind = refusedByKind == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(refusedByKind));
    }

    /** A few lines for a person: pages, bytes, statuses, robots-blocked, errors, duration, rate. */
    public String toHumanText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Crawl ").append(crawlName).append(" finished in ")
                .append(duration(Duration.ofMillis(Math.round(durationSeconds * 1000)))).append('\n');
        sb.append("Pages archived: ").append(pagesArchived)
                .append(String.format(Locale.ROOT, " (%.2f pages/s)", pagesPerSecond))
                .append(", ").append(bytes(bytesDownloaded)).append(" downloaded, ")
                .append(bytes(warcBytes)).append(" of WARC in ").append(warcFiles.size())
                .append(warcFiles.size() == 1 ? " file" : " files").append('\n');
        sb.append("By status: ").append(counts(byStatus)).append('\n');
        sb.append("Robots-blocked: ").append(robotsBlocked).append('\n');
        sb.append("Errors: ").append(counts(errorsByKind)).append('\n');
        sb.append("Not followed: ").append(counts(refusedByKind)).append('\n');
        sb.append("Job folder: ").append(jobFolder).append('\n');
        return sb.toString();
    }

    private static String counts(Map<String, Long> m) {
        if (m.isEmpty()) {
            return "none";
        }
        return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        }
        if (s < 3600) {
            return (s / 60) + "m " + (s % 60) + "s";
        }
        return (s / 3600) + "h " + (s % 3600 / 60) + "m " + (s % 60) + "s";
    }
}
