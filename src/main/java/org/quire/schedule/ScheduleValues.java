package org.quire.schedule;

import org.quire.config.InputException;

/** Load-time checks of the {@code crawls.<name>.schedule} and {@code crawls.<name>.timezone} values. */
public final class ScheduleValues {

    private ScheduleValues() {
    }

    /**
     * Checks {@code value} of per-crawl key {@code key} ({@code schedule} or {@code timezone}).
     *
     * @param where the location for the message, e.g. {@code config/quire.yaml:12: crawls.news.schedule}
     * @throws InputException naming {@code where} when the value is not a valid cron expression or zone
     */
    public static void check(String key, String value, String where) {
        try {
            if (key.equals("schedule")) {
                CronSchedule.cron(value);
            } else if (key.equals("timezone")) {
                CronSchedule.zone(value);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + e.getMessage());
        }
    }
}
