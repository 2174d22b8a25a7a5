package org.quire.schedule;

import org.quire.config.ConfigLoader;
import org.quire.config.InputException;
import org.quire.config.LoadedConfig;
import org.quire.seeds.SeedDirectory;
import org.quire.seeds.SeedFile;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * The scheduled crawls as defined by {@code config/quire.yaml} (its {@code crawls.<name>.schedule} keys) and the
 * seed files, re-read whenever one of those files changes. A broken edit is reported and the last good
 * configuration stays in force.
 */
public final class ScheduleConfigSource {

    private final Path configFile;
    private final boolean configRequired;
    private final List<String> overrides;
    private final Path seeds;
    private final PrintStream err;
    private byte[] fingerprint;
    private Map<String, ScheduledCrawl> current;

    /**
     * @param configFile     the config file ({@code config/quire.yaml})
     * @param configRequired whether a missing config file is an error (it was named explicitly)
     * @param overrides      {@code --set key=value} options
     * @param seeds          the seed folder (or file)
     * @param err            where problems are reported
     */
    public ScheduleConfigSource(Path configFile, boolean configRequired, List<String> overrides, Path seeds,
                                PrintStream err) {
        this.configFile = configFile;
        this.configRequired = configRequired;
        this.overrides = List.copyOf(overrides);
        this.seeds = seeds;
        this.err = err;
    }

    /**
     * Loads the configuration for the first time; a problem is thrown (the daemon does not start on a broken
     * configuration).
     *
     * @throws InputException for bad config or seeds
     */
    public Map<String, ScheduledCrawl> load() {
        fingerprint = fingerprint();
        current = read();
        return current;
    }

    /**
     * The scheduled crawls, re-read first when a file changed since the last look. A broken edit is reported
     * (once per edit) and the last good configuration returned.
     */
    public Map<String, ScheduledCrawl> current() {
        byte[] now = fingerprint();
        if (current == null || !Arrays.equals(now, fingerprint)) {
            fingerprint = now;
            try {
                Map<String, ScheduledCrawl> fresh = read();
                if (current != null) {
                    err.println("quire: schedule: configuration reloaded (" + fresh.size() + " scheduled crawl(s))");
                }
                current = fresh;
            } catch (InputException | UncheckedIOException e) {
                err.println("quire: schedule: " + e.getMessage() + " (keeping the last good configuration)");
                if (current == null) {
                    current = Map.of();
                }
            }
        }
        return current;
    }

    private Map<String, ScheduledCrawl> read() {
        LoadedConfig cfg = ConfigLoader.load(configFile, configRequired, overrides);
        SortedMap<String, SeedFile> files = SeedDirectory.load(seeds);
        Map<String, ScheduledCrawl> out = new LinkedHashMap<>();
        for (String name : cfg.configuredCrawls()) {
            String expr = cfg.schedule(name).orElse(null);
            if (expr == null) {
                continue;
            }
            SeedFile f = files.get(name);
            if (f == null) {
                err.println("quire: schedule: warning: crawls." + name + " has a schedule but there is no seed file "
                        + seeds.resolve(name + ".txt") + "; not scheduled");
                continue;
            }
            CronSchedule schedule;
            try {
                schedule = CronSchedule.parse(expr, cfg.timezone(name).orElse(null));
            } catch (IllegalArgumentException e) {
                throw new InputException("crawls." + name + ": " + e.getMessage());
            }
            out.put(name, new ScheduledCrawl(name, schedule, f.urls(), cfg.settingsFor(name)));
        }
        return out;
    }

    /** A digest over the config file's and every seed file's name and content. */
    private byte[] fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> files = new ArrayList<>();
            files.add(configFile);
            if (Files.isDirectory(seeds)) {
                try (Stream<Path> s = Files.list(seeds)) {
                    s.sorted().forEach(files::add);
                }
            } else {
                files.add(seeds);
            }
            for (Path p : files) {
                md.update(p.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                if (Files.isRegularFile(p)) {
                    md.update(Files.readAllBytes(p));
                }
                md.update((byte) 0);
            }
            return md.digest();
        } catch (IOException e) {
            return new byte[0]; // unreadable right now (mid-edit): treated as a change, read() reports it
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
