package org.quire.crawl;

import org.quire.config.Settings;

import java.time.Instant;
import java.util.List;

/**
 * One run of one crawl: its name, seeds, resolved settings and job folder. Everything a stage needs comes from
 * here; no stage reads files or config on its own.
 */
public record CrawlJob(String name, List<String> seeds, Settings settings, JobFolder folder, Instant startedAt) {

    public CrawlJob {
        seeds = List.copyOf(seeds);
    }
}
