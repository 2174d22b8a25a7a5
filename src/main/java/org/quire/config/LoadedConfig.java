package org.quire.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checked configuration of a quire run: the top level of {@code config/quire.yaml}, its per-crawl sections
 * ({@code crawls.<name>}) and the {@code --set} options, resolved into {@link Settings} per crawl with the
 * precedence defaults &lt; file top level &lt; file {@code crawls.<name>} section &lt; {@code --set key=value}
 * &lt; {@code --set crawls.<name>.key=value}. Immutable; built by {@link ConfigLoader}. Every crawl's settings were
 * already validated when it was built, so {@link #settingsFor} does not fail.
 */
public final class LoadedConfig {

    /** What one crawl's section and {@code --set crawls.<name>...} options changed. */
    record CrawlSection(Map<SettingKey, ConfigValue> fromFile, Map<SettingKey, ConfigValue> fromSet,
                        Map<String, ConfigValue> schedule) {
    }

    private final Path file;
    private final Map<SettingKey, ConfigValue> fileTop;
    private final Map<SettingKey, ConfigValue> setTop;
    private final Map<String, CrawlSection> crawls;
    private final Settings topSettings;
    private final Map<String, Settings> crawlSettings;

    LoadedConfig(Path file, Map<SettingKey, ConfigValue> fileTop, Map<SettingKey, ConfigValue> setTop,
                 Map<String, CrawlSection> crawls) {
        this.file = file;
        this.fileTop = fileTop;
        this.setTop = setTop;
        this.crawls = Collections.unmodifiableMap(new TreeMap<>(crawls));
        this.topSettings = SettingsAssembler.assemble(merged(null), null);
        Map<String, Settings> per = new TreeMap<>();
        for (String name : this.crawls.keySet()) {
            per.put(name, SettingsAssembler.assemble(merged(name), name));
        }
        this.crawlSettings = Collections.unmodifiableMap(per);
    }

    /** The configuration file that was read, or empty when none was (defaults and {@code --set} only). */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The settings outside any crawl section: defaults, the file's top level and plain {@code --set} options. */
    public Settings settings() {
        return topSettings;
    }

    /**
     * The settings of crawl {@code crawlName}: {@link #settings()} with its {@code crawls.<name>} overrides applied.
     * A crawl without a section (or a null name) gets {@link #settings()}.
     */
    public Settings settingsFor(String crawlName) {
        return crawlName == null ? topSettings : crawlSettings.getOrDefault(crawlName, topSettings);
    }

    /** The names that have a {@code crawls.<name>} section (in the file or through {@code --set}), sorted. */
    public Set<String> configuredCrawls() {
        return crawls.keySet();
    }

    /** The {@code crawls.<name>.schedule} string (a cron expression, not yet parsed), if set. */
    public Optional<String> schedule(String crawl) {
        return perCrawlText(crawl, "schedule");
    }

    /** The {@code crawls.<name>.timezone} string (not yet parsed), if set. */
    public Optional<String> timezone(String crawl) {
        return perCrawlText(crawl, "timezone");
    }

    /** The value of {@code key} for crawl {@code crawl} (null: top level), in configuration notation. */
    public String valueText(String crawl, SettingKey key) {
        return key.type().format(merged(crawl).get(key).value());
    }

    /**
     * Where the value of {@code key} for crawl {@code crawl} (null: top level) came from: {@code default},
     * {@code config/quire.yaml:12} or {@code --set key=value}.
     */
    public String source(String crawl, SettingKey key) {
        return merged(crawl).get(key).source();
    }

    private Optional<String> perCrawlText(String crawl, String which) {
        CrawlSection section = crawl == null ? null : crawls.get(crawl);
        if (section == null || !section.schedule().containsKey(which)) {
            return Optional.empty();
        }
        return Optional.of((String) section.schedule().get(which).value());
    }

    private Map<SettingKey, ConfigValue> merged(String crawl) {
        Map<SettingKey, ConfigValue> m = new EnumMap<>(SettingKey.class);
        for (SettingKey k : SettingKey.values()) {
            m.put(k, new ConfigValue(k.defaultValue(), "default"));
        }
        m.putAll(fileTop);
        CrawlSection section = crawl == null ? null : crawls.get(crawl);
        if (section != null) {
            m.putAll(section.fromFile());
        }
        m.putAll(setTop);
        if (section != null) {
            m.putAll(section.fromSet());
        }
        return m;
    }
}
