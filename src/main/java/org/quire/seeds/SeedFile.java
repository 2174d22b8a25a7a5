package org.quire.seeds;

import java.nio.file.Path;
import java.util.List;

/**
 * The seeds of one named crawl, read from {@code seeds/<crawlName>.txt}.
 *
 * @param crawlName the file name without {@code .txt}; letters, digits, '.', '_' and '-'
 * @param path      the file, as the user gave it (relative paths stay relative)
 * @param seeds     distinct normalised seeds in file order (may be empty)
 * @param warnings  one-line warnings to show the user, each naming {@code file:line} (duplicates, no seeds)
 */
public record SeedFile(String crawlName, Path path, List<Seed> seeds, List<String> warnings) {
    public SeedFile {
        seeds = List.copyOf(seeds);
        warnings = List.copyOf(warnings);
    }

    /** The seed URLs alone, in file order. */
    public List<String> urls() {
        return seeds.stream().map(Seed::url).toList();
    }
}
