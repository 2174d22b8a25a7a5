package org.quire.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Turns a complete map of checked values into {@link Settings}, checking rules that span two keys. */
final class SettingsAssembler {
    private SettingsAssembler() {
    }

    /**
     * @param values a value for every {@link SettingKey}
     * @param crawl  the crawl these settings are for (named in errors), or null for the top level
     */
    @SuppressWarnings("unchecked")
    static Settings assemble(Map<SettingKey, ConfigValue> values, String crawl) {
        checkNotLonger(values, SettingKey.POLITENESS_MIN_DELAY, SettingKey.POLITENESS_MAX_DELAY, crawl);
        checkNotLonger(values, SettingKey.POLITENESS_BACKOFF, SettingKey.POLITENESS_MAX_BACKOFF, crawl);
        V v = new V(values);
        Settings.Fetch fetch = new Settings.Fetch(
                v.str(SettingKey.FETCH_USER_AGENT).strip(),
                v.str(SettingKey.FETCH_CONTACT).strip(),
                v.bool(SettingKey.FETCH_ALLOW_PRIVATE_ADDRESSES),
                v.dur(SettingKey.FETCH_CONNECT_TIMEOUT),
                v.dur(SettingKey.FETCH_READ_TIMEOUT),
                v.dur(SettingKey.FETCH_FETCH_TIMEOUT),
                v.lng(SettingKey.FETCH_MAX_BODY_SIZE),
                v.integer(SettingKey.FETCH_THREADS),
                v.integer(SettingKey.FETCH_MAX_RETRIES));
        Settings.Robots robots = new Settings.Robots(
                v.bool(SettingKey.ROBOTS_OBEY),
                v.dur(SettingKey.ROBOTS_CACHE_TTL),
                v.dur(SettingKey.ROBOTS_RETRY_AFTER),
                v.dur(SettingKey.ROBOTS_MAX_CRAWL_DELAY));
        Settings.Politeness politeness = new Settings.Politeness(
                v.dur(SettingKey.POLITENESS_MIN_DELAY),
                v.dur(SettingKey.POLITENESS_MAX_DELAY),
                (Double) v.get(SettingKey.POLITENESS_DELAY_FACTOR),
                v.dur(SettingKey.POLITENESS_BACKOFF),
                v.dur(SettingKey.POLITENESS_MAX_BACKOFF));
        Settings.Crawl crawlSettings = new Settings.Crawl(
                v.lng(SettingKey.CRAWL_MAX_PAGES),
                v.lng(SettingKey.CRAWL_MAX_PAGES_PER_HOST),
                v.integer(SettingKey.CRAWL_MAX_DEPTH),
                (CrawlScope) v.get(SettingKey.CRAWL_SCOPE),
                (List<String>) v.get(SettingKey.CRAWL_INCLUDE),
                (List<String>) v.get(SettingKey.CRAWL_EXCLUDE),
                v.integer(SettingKey.CRAWL_MAX_URL_LENGTH),
                v.integer(SettingKey.CRAWL_MAX_REPEATED_SEGMENTS));
        Settings.Archive archive = new Settings.Archive(
                v.lng(SettingKey.ARCHIVE_WARC_MAX_SIZE),
                v.str(SettingKey.ARCHIVE_OPERATOR).strip(),
                v.bool(SettingKey.ARCHIVE_WRITE_TEXT));
        Settings.Extract extract = new Settings.Extract(v.bool(SettingKey.EXTRACT_COMMENTS));
        return new Settings(fetch, robots, politeness, crawlSettings, archive, extract);
    }

    private static void checkNotLonger(Map<SettingKey, ConfigValue> values, SettingKey shorter, SettingKey longer,
                                       String crawl) {
        ConfigValue s = values.get(shorter);
        ConfigValue l = values.get(longer);
        if (((Duration) s.value()).compareTo((Duration) l.value()) > 0) {
            ConfigValue blamed = s.source().equals("default") ? l : s;
            throw new InputException(blamed.source() + ": " + shorter.key() + " (" + Durations.format((Duration) s.value())
                    + ") must not be longer than " + longer.key() + " (" + Durations.format((Duration) l.value()) + ")"
                    + (crawl == null ? "" : " in crawl '" + crawl + "'"));
        }
    }

    private record V(Map<SettingKey, ConfigValue> values) {
        Object get(SettingKey k) {
            ConfigValue cv = values.get(k);
            if (cv == null) {
                throw new IllegalStateException("no value for " + k.key());
            }
            return cv.value();
        }

        String str(SettingKey k) {
            return (String) get(k);
        }

        boolean bool(SettingKey k) {
            return (Boolean) get(k);
        }

        Duration dur(SettingKey k) {
            return (Duration) get(k);
        }

        long lng(SettingKey k) {
            return ((Number) get(k)).longValue();
        }

        int integer(SettingKey k) {
            return (Integer) get(k);
        }
    }
}
