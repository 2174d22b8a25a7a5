package org.quire.schedule;

import org.quire.config.Settings;

import java.util.List;

/**
 * A crawl with a schedule, as the configuration defined it when last (successfully) loaded.
 *
 * @param name     the crawl's name (its seed file's name)
 * @param schedule when it runs
 * @param seeds    its seed URLs
 * @param settings its resolved settings
 */
public record ScheduledCrawl(String name, CronSchedule schedule, List<String> seeds, Settings settings) {

    public ScheduledCrawl {
        seeds = List.copyOf(seeds);
    }
}
