package org.quire.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads {@code config/quire.yaml} (optional) and {@code --set key=value} options into a checked
 * {@link LoadedConfig}. Every problem is an {@link InputException} naming {@code file:line} and the key, or the
 * {@code --set} option, e.g. {@code config/quire.yaml:7: unknown key 'politeness.min-dely' (did you mean
 * 'politeness.min-delay'?)}.
 *
 * <p>The file has one section per group of keys ({@code fetch:}, {@code robots:}, {@code politeness:},
 * {@code crawl:}, {@code archive:}, {@code extract:}; see {@link SettingKey}) and a {@code crawls:} section with one section per crawl
 * name, holding overrides in the same nested shape plus {@code schedule} and {@code timezone} strings.
 */
public final class ConfigLoader {
    /** Where quire looks for its configuration when no path is given. */
    public static final Path DEFAULT_PATH = Path.of("config", "quire.yaml");

    /** The per-crawl keys that are not settings. */
    static final List<String> CRAWL_ONLY_KEYS = List.of("schedule", "timezone");

    private static final String CRAWLS = "crawls";
    private static final Pattern CRAWL_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private ConfigLoader() {
    }

    /**
     * Loads the configuration.
     *
     * @param file         the YAML file, or null for none; shown in messages as given
     * @param explicit     whether the user named the file (then it must exist; otherwise a missing file means
     *                     defaults)
     * @param setOverrides the values of repeated {@code --set key=value} options, in order (later ones win); the key
     *                     may be a dotted key ({@code crawl.max-depth}) or a per-crawl one
     *                     ({@code crawls.news.crawl.max-depth}, {@code crawls.news.schedule}); list keys take a
     *                     YAML flow list ({@code [a, b]}) or a single regular expression
     * @throws InputException for any invalid input, before anything else happens
     */
    public static LoadedConfig load(Path file, boolean explicit, List<String> setOverrides) {
        Builder b = new Builder();
        Path read = null;
        if (file != null) {
            if (Files.isDirectory(file)) {
                throw new InputException(file + ": is a directory, not a configuration file");
            }
            if (Files.exists(file)) {
                b.readFile(file);
                read = file;
            } else if (explicit) {
                throw new InputException(file + ": configuration file not found");
            }
        }
        for (String s : setOverrides == null ? List.<String>of() : setOverrides) {
            b.readSet(s);
        }
        return b.build(read);
    }

    /** The configuration of the defaults alone. */
    public static LoadedConfig defaults() {
        return load(null, false, List.of());
    }

    /** Whether {@code name} is a valid crawl name: letters, digits, '.', '_' and '-'. */
    public static boolean isValidCrawlName(String name) {
        return name != null && CRAWL_NAME.matcher(name).matches();
    }

    /** Accumulates the layers while reading. */
    private static final class Builder {
        private final Map<SettingKey, ConfigValue> fileTop = new EnumMap<>(SettingKey.class);
        private final Map<SettingKey, ConfigValue> setTop = new EnumMap<>(SettingKey.class);
        private final Map<String, Map<SettingKey, ConfigValue>> crawlFile = new TreeMap<>();
        private final Map<String, Map<SettingKey, ConfigValue>> crawlSet = new TreeMap<>();
        private final Map<String, Map<String, ConfigValue>> crawlText = new TreeMap<>();
        private final Set<String> seenFileKeys = new java.util.HashSet<>();

        void readFile(Path file) {
            String name = file.toString();
            List<YamlEntries.Entry> entries;
            try (Reader r = new java.io.InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder())) {
                entries = YamlEntries.read(r, name);
            } catch (CharacterCodingException e) {
                throw new InputException(name + ": not UTF-8 text");
            } catch (NoSuchFileException e) {
                throw new InputException(name + ": configuration file not found");
            } catch (IOException e) {
                throw new InputException(name + ": cannot read: " + e.getMessage(), e);
            }
            for (YamlEntries.Entry e : entries) {
                if (e.path().isEmpty()) {
                    continue;
                }
                String location = name + ":" + e.line();
                if (!e.section() && !seenFileKeys.add(e.dotted())) {
                    throw new InputException(location + ": " + e.dotted() + " is given twice");
                }
                if (e.path().get(0).equals(CRAWLS)) {
                    fileCrawlEntry(e, location);
                } else {
                    apply(fileTop, String.join(".", e.path()), e.section(), e.raw(), location, false, "");
                }
            }
        }

        private void fileCrawlEntry(YamlEntries.Entry e, String location) {
            List<String> path = e.path();
            if (path.size() == 1) {
                if (!e.section() && e.raw() != null) {
                    throw new InputException(location + ": crawls: expected one section per crawl name, "
                            + "like 'crawls: {news: {crawl: {max-depth: 1}}}'");
                }
                return;
            }
            String crawl = path.get(1);
            checkCrawlName(crawl, location);
            crawlFile.computeIfAbsent(crawl, k -> new EnumMap<>(SettingKey.class));
            if (path.size() == 2) {
                if (!e.section() && e.raw() != null) {
                    throw new InputException(location + ": crawls." + crawl + ": expected a section of overrides "
                            + "such as 'crawl: {max-depth: 1}' or 'schedule: ...'");
                }
                return;
            }
            String rest = String.join(".", path.subList(2, path.size()));
            crawlKey(crawl, rest, e.section(), e.raw(), location, false, crawlFile.get(crawl));
        }

        void readSet(String option) {
            String location = "--set " + option;
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new InputException(location + ": expected key=value, e.g. --set crawl.max-depth=2");
            }
            String key = option.substring(0, eq).strip();
            String value = option.substring(eq + 1);
            if (key.startsWith(CRAWLS + ".")) {
                String afterCrawls = key.substring(CRAWLS.length() + 1);
                for (int dot = afterCrawls.indexOf('.'); dot > 0; dot = afterCrawls.indexOf('.', dot + 1)) {
                    String crawl = afterCrawls.substring(0, dot);
                    String rest = afterCrawls.substring(dot + 1);
                    if (CRAWL_ONLY_KEYS.contains(rest) || SettingKey.byName(rest).isPresent()) {
                        checkCrawlName(crawl, location);
                        Map<SettingKey, ConfigValue> layer =
                                crawlSet.computeIfAbsent(crawl, k -> new EnumMap<>(SettingKey.class));
                        crawlKey(crawl, rest, false, setValue(rest, value, location), location, true, layer);
                        return;
                    }
                }
                String crawl = afterCrawls.contains(".") ? afterCrawls.substring(0, afterCrawls.indexOf('.'))
                        : afterCrawls;
                String rest = afterCrawls.substring(crawl.length()).replaceFirst("^\\.", "");
                throw new InputException(location + ": " + KeySuggestion.unknownKey(key,
                        crawlCandidates(CRAWLS + "." + crawl + ".")) + (rest.isEmpty()
                        ? "; use crawls.NAME.KEY, e.g. crawls.news.crawl.max-depth" : ""));
            }
            apply(setTop, key, false, setValue(key, value, location), location, true, "");
        }

        /** A --set value: a YAML flow list for list keys, otherwise the text as it is. */
        private static Object setValue(String key, String value, String location) {
            boolean isList = SettingKey.byName(key).map(k -> k.type() == ValueType.REGEX_LIST).orElse(false);
            String t = value.strip();
            if (isList && t.startsWith("[") && t.endsWith("]")) {
                try {
                    List<?> list = new ObjectMapper(new YAMLFactory()).readValue(t, List.class);
                    List<String> items = new ArrayList<>();
                    for (Object o : list) {
                        items.add(o == null ? null : o.toString());
                    }
                    return items;
                } catch (JsonProcessingException e) {
                    throw new InputException(location + ": expected a list like [a, b]: "
                            + e.getOriginalMessage().strip().replaceAll("\\s*\\R\\s*", " "));
                }
            }
            return value;
        }

        private void crawlKey(String crawl, String rest, boolean section, Object raw, String location,
                              boolean fromSet, Map<SettingKey, ConfigValue> layer) {
            String prefix = CRAWLS + "." + crawl + ".";
            if (CRAWL_ONLY_KEYS.contains(rest)) {
                String full = prefix + rest;
                String where = fromSet ? location : location + ": " + full;
                if (section || raw instanceof List<?>) {
                    throw new InputException(where + ": expected text, got " + (section ? "a section" : "a list"));
                }
                if (raw == null || raw.toString().isBlank()) {
                    throw new InputException(where + ": must not be empty");
                }
                crawlText.computeIfAbsent(crawl, k -> new LinkedHashMap<>())
                        .put(rest, new ConfigValue(raw.toString().strip(), location));
                return;
            }
            apply(layer, rest, section, raw, location, fromSet, prefix);
        }

        /**
         * Checks and stores one key.
         *
         * @param dotted the key relative to {@code prefix}
         * @param prefix "" at the top level, {@code crawls.NAME.} in a crawl section (for messages)
         */
        private void apply(Map<SettingKey, ConfigValue> layer, String dotted, boolean section, Object raw,
                           String location, boolean fromSet, String prefix) {
            String full = prefix + dotted;
            String where = fromSet ? location : location + ": " + full;
            var key = SettingKey.byName(dotted);
            if (key.isEmpty()) {
                if (SettingKey.sections().contains(dotted)) {
                    if (section || (raw == null && !fromSet)) {
                        return;
                    }
                    throw new InputException(where + ": expected a section of keys such as " + full + "."
                            + firstLeaf(dotted) + ", got " + (raw instanceof List<?> ? "a list" : "\"" + raw + "\""));
                }
                List<String> candidates = prefix.isEmpty() ? topCandidates() : crawlCandidates(prefix);
                throw new InputException(location + ": " + KeySuggestion.unknownKey(full, candidates));
            }
            if (section) {
                throw new InputException(where + ": expected " + key.get().type().expectation() + ", got a section");
            }
            try {
                layer.put(key.get(), new ConfigValue(key.get().parse(raw), location));
            } catch (IllegalArgumentException e) {
                throw new InputException(where + ": " + e.getMessage());
            }
        }

        private static String firstLeaf(String section) {
            for (SettingKey k : SettingKey.values()) {
                if (k.section().equals(section)) {
                    return k.leaf();
                }
            }
            return "";
        }

        private static List<String> topCandidates() {
            List<String> c = new ArrayList<>(SettingKey.names());
            c.addAll(SettingKey.sections());
            c.add(CRAWLS);
            return c;
        }

        private static List<String> crawlCandidates(String prefix) {
            List<String> c = new ArrayList<>();
            for (String n : SettingKey.names()) {
                c.add(prefix + n);
            }
            for (String s : SettingKey.sections()) {
                c.add(prefix + s);
            }
            for (String s : CRAWL_ONLY_KEYS) {
                c.add(prefix + s);
            }
            return c;
        }

        private static void checkCrawlName(String crawl, String location) {
            if (!isValidCrawlName(crawl)) {
                throw new InputException(location + ": crawl name '" + crawl
                        + "' may only contain letters, digits, '.', '_' and '-'");
            }
        }

        LoadedConfig build(Path file) {
            Map<String, LoadedConfig.CrawlSection> crawls = new TreeMap<>();
            Set<String> names = new java.util.TreeSet<>();
            names.addAll(crawlFile.keySet());
            names.addAll(crawlSet.keySet());
            names.addAll(crawlText.keySet());
            for (String n : names) {
                crawls.put(n, new LoadedConfig.CrawlSection(
                        Map.copyOf(crawlFile.getOrDefault(n, Map.of())),
                        Map.copyOf(crawlSet.getOrDefault(n, Map.of())),
                        Map.copyOf(crawlText.getOrDefault(n, Map.of()))));
            }
            return new LoadedConfig(file, Map.copyOf(fileTop), Map.copyOf(setTop), crawls);
        }
    }
}
