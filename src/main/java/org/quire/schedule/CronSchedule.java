package org.quire.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When a crawl runs: a standard 5-field cron expression (minute hour day-of-month month day-of-week, parsed by
 * cron-utils with its UNIX definition) or one of {@code @hourly}, {@code @daily}, {@code @weekly},
 * {@code @monthly}, {@code @yearly}, in a time zone (UTC unless given). Immutable.
 */
public final class CronSchedule {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Map<String, String> NICKNAMES = Map.of(
            "@hourly", "0 * * * *",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@weekly", "0 0 * * 0",
            "@monthly", "0 0 1 * *",
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *");

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime times;

    private CronSchedule(String expression, ZoneId zone, ExecutionTime times) {
        this.expression = expression;
        this.zone = zone;
        this.times = times;
    }

    /**
     * Parses {@code expression} in time zone {@code zone} (null or blank: UTC).
     *
     * @throws IllegalArgumentException naming what is wrong, for a bad expression or zone
     */
    public static CronSchedule parse(String expression, String zone) {
        return new CronSchedule(expression.strip(), zone(zone), ExecutionTime.forCron(cron(expression)));
    }

    /** Parses a cron expression or nickname alone. */
    static Cron cron(String expression) {
        String e = expression == null ? "" : expression.strip();
        String cron = e.startsWith("@") ? NICKNAMES.get(e.toLowerCase(Locale.ROOT)) : e;
        if (cron == null) {
            throw new IllegalArgumentException("unknown schedule '" + e + "': expected a 5-field cron expression "
                    + "such as '0 3 * * *' or one of @hourly, @daily, @weekly, @monthly, @yearly");
        }
        if (cron.split("\\s+").length != 5) {
            throw new IllegalArgumentException("'" + e + "' is not a 5-field cron expression "
                    + "(minute hour day-of-month month day-of-week), e.g. '0 3 * * *'");
        }
        try {
            return PARSER.parse(cron).validate();
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("bad cron expression '" + e + "': " + ex.getMessage());
        }
    }

    /** Parses a time zone id such as {@code Europe/Berlin} or {@code UTC}; null or blank is UTC. */
    static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException ex) {
            throw new IllegalArgumentException("unknown time zone '" + zone.strip()
                    + "': expected a region id such as Europe/Berlin or UTC");
        }
    }

    /** The expression as written. */
    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first run time strictly after {@code t}, if the schedule has one. */
    public Optional<Instant> nextAfter(Instant t) {
        return times.nextExecution(ZonedDateTime.ofInstant(t, zone)).map(ZonedDateTime::toInstant);
    }

    /** The latest run time at or before {@code t}, if any. */
    public Optional<Instant> latestAtOrBefore(Instant t) {
        ZonedDateTime at = ZonedDateTime.ofInstant(t, zone);
        if (times.isMatch(at.withNano(0)) && at.getSecond() == 0) {
            return Optional.of(at.withNano(0).toInstant());
        }
        return times.lastExecution(at).map(ZonedDateTime::toInstant).filter(i -> !i.isAfter(t));
    }

    /** {@code expression} plus the zone when it is not UTC. */
    @Override
    public String toString() {
        return zone.equals(ZoneOffset.UTC) ? expression : expression + " (" + zone.getId() + ")";
    }
}
