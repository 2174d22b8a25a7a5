package org.quire.seeds;

import org.quire.config.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds URLs to a seed file: checks and normalises them, skips those already there, and appends the rest at the
 * end, leaving every existing byte (comments, order, blank lines, line endings) as it was. Creates the file (and
 * its folder) when missing.
 */
public final class SeedFileEditor {

    /** A URL that was not added, and why. */
    public record Skipped(String url, String reason) {
    }

    /**
     * What {@link #add} did.
     *
     * @param file    the seed file
     * @param created whether the file was created
     * @param added   normalised URLs appended, in argument order
     * @param skipped URLs already present (or given twice), with the reason
     */
    public record AddResult(Path file, boolean created, List<String> added, List<Skipped> skipped) {
        public AddResult {
            added = List.copyOf(added);
            skipped = List.copyOf(skipped);
        }
    }

    private SeedFileEditor() {
    }

    /**
     * Appends {@code urls} to {@code file}. All URLs are checked before anything is written; the file is replaced
     * atomically.
     *
     * @throws InputException when a URL is not an absolute http(s) URL (naming it), the file's name is not a valid
     *                        crawl name, or the existing file is not a valid seed file
     */
    public static AddResult add(Path file, List<String> urls) {
        String crawl = SeedFileParser.crawlNameOf(file);
        List<String> normalised = new ArrayList<>();
        for (String u : urls) {
            normalised.add(SeedUrls.normalise(u).orElseThrow(() -> new InputException(SeedUrls.notAUrl(u))));
        }
        boolean exists = Files.exists(file);
        String existing = exists ? SeedFileParser.readText(file) : "";
        Map<String, Integer> present = new HashMap<>();
        if (exists) {
            for (Seed s : SeedFileParser.parse(file, crawl, existing).seeds()) {
                present.put(s.url(), s.line());
            }
        }
        Set<String> toAdd = new LinkedHashSet<>();
        List<Skipped> skipped = new ArrayList<>();
        for (String url : normalised) {
            Integer line = present.get(url);
            if (line != null) {
                skipped.add(new Skipped(url, "already in " + file + ":" + line));
            } else if (!toAdd.add(url)) {
                skipped.add(new Skipped(url, "given twice"));
            }
        }
        if (!toAdd.isEmpty() || !exists) {
            write(file, existing, toAdd);
        }
        return new AddResult(file, !exists, List.copyOf(toAdd), skipped);
    }

    private static void write(Path file, String existing, Set<String> urls) {
        String nl = existing.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder tail = new StringBuilder();
        if (!existing.isEmpty() && !existing.endsWith("\n") && !existing.endsWith("\r")) {
            tail.append(nl);
        }
        for (String u : urls) {
            tail.append(u).append(nl);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            byte[] before = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            byte[] after = tail.toString().getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[before.length + after.length];
            System.arraycopy(before, 0, all, 0, before.length);
            System.arraycopy(after, 0, all, before.length, after.length);
            Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            try {
                Files.write(tmp, all);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write seed file: " + e.getMessage(), e);
        }
    }
}
