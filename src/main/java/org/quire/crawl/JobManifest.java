package org.quire.crawl;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.quire.config.ConfigLoader;
import org.quire.config.LoadedConfig;
import org.quire.config.SettingKey;
import org.quire.config.Settings;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code job.json} in a job folder: what the job is (crawl name, seeds, the settings it was started with, in
 * configuration notation) and how far it got ({@code running}, {@code stopped} or {@code finished}). A job whose
 * state is not {@code finished} can be resumed with exactly its own settings.
 *
 * @param crawl     the crawl's name
 * @param seeds     the seed URLs
 * @param settings  every setting key and its value text; empty when unknown (then a resume takes the current
 *                  configuration of the crawl)
 * @param startedAt when the job began (its folder and WARC file names come from this)
 * @param state     {@code running} (also after a crash or an I/O failure), {@code stopped} or {@code finished}
 */
public record JobManifest(@JsonProperty("crawl") String crawl, @JsonProperty("seeds") List<String> seeds,
                          @JsonProperty("settings") Map<String, String> settings,
                          @JsonProperty("started_at") String startedAt, @JsonProperty("state") String state) {

    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";
    public static final String FINISHED = "finished";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public JobManifest {
        seeds = List.copyOf(seeds == null ? List.of() : seeds);
        settings = settings == null ? Map.of() : new LinkedHashMap<>(settings);
    }

    /** Every setting of {@code crawl} in {@code config}, as value texts. */
    public static Map<String, String> settingTexts(LoadedConfig config, String crawl) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SettingKey k : SettingKey.values()) {
            out.put(k.key(), config.valueText(crawl, k));
        }
        return out;
    }

    /** The settings recorded here, or {@code fallback} when none are. */
    public Settings resolveSettings(Settings fallback) {
        if (settings.isEmpty()) {
            return fallback != null ? fallback : ConfigLoader.defaults().settings();
        }
        List<String> sets = new ArrayList<>();
        settings.forEach((k, v) -> sets.add(k + "=" + v));
        return ConfigLoader.load(null, false, sets).settings();
    }

    public Instant started() {
        return Instant.parse(startedAt);
    }

    public boolean finished() {
        return FINISHED.equals(state);
    }

    public JobManifest withState(String newState) {
        return new JobManifest(crawl, seeds, settings, startedAt, newState);
    }

    /** Reads {@code job.json}. */
    public static JobManifest read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), JobManifest.class);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code job.json} through a temporary file, so it is never seen half-written. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(this));
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
