package org.quire.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The HTML pages of a directory (e.g. the extraction dev set), read into memory for the extraction benchmarks. */
final class ExtractionPages {

    private ExtractionPages() {
    }

    /** The {@code .html}/{@code .htm} files of {@code dir}, sorted by name. */
    static List<Path> list(String dir) {
        Path d = Path.of(dir);
        if (!Files.isDirectory(d)) {
            throw new IllegalStateException("extraction benchmark: page directory " + d.toAbsolutePath().normalize()
                    + " does not exist; pass one with -p dir=/path/to/html (e.g. /work/shared/extraction-dev/html)");
        }
        try (Stream<Path> s = Files.list(d)) {
            List<Path> files = s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase();
                return n.endsWith(".html") || n.endsWith(".htm");
            }).sorted().toList();
            if (files.isEmpty()) {
                throw new IllegalStateException("extraction benchmark: no .html files in " + d.toAbsolutePath());
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<byte[]> read(List<Path> files) {
        List<byte[]> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
