package org.quire.schedule;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The table {@code quire schedule --list} prints: each crawl, its schedule, last run and next run. */
public final class RunListing {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private RunListing() {
    }

    /** One line per crawl after a header; times in each crawl's zone. */
    public static List<String> lines(Collection<ScheduledCrawl> crawls, RunHistory history, Instant now)
            throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"CRAWL", "SCHEDULE", "LAST RUN", "NEXT RUN"});
        for (ScheduledCrawl c : crawls) {
            ZoneId zone = c.schedule().zone();
            Optional<RunRecord> last = history.lastRun(c.name());
            String lastText = last.map(r -> time(r.started(), zone) + " " + r.result()
                    + (r.duration() == null ? "" : ", " + r.pages() + " pages, " + duration(r.duration())))
                    .orElse("never");
            String next = c.schedule().nextAfter(now).map(t -> time(t, zone)).orElse("none");
            rows.add(new String[]{c.name(), c.schedule().toString(), lastText, next});
        }
        int[] w = new int[4];
        for (String[] r : rows) {
            for (int i = 0; i < 4; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(String.format("%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %s", r[0], r[1], r[2], r[3])
                    .stripTrailing());
        }
        return out;
    }

    private static String time(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }

    /** A short human duration: {@code 850ms}, {@code 12.3s}, {@code 4m05s}, {@code 2h03m}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(java.util.Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
