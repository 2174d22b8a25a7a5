package org.quire.seeds;

import org.quire.config.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads the crawls a run should know about: every {@code *.txt} file of a folder (normally {@code seeds/}), or a
 * single seed file, each one named crawl.
 */
public final class SeedDirectory {
    /** Where quire looks for seed files when no path is given. */
    public static final Path DEFAULT_PATH = Path.of("seeds");

    private SeedDirectory() {
    }

    /**
     * Reads {@code path}: a folder's {@code *.txt} files (not its sub-folders or hidden files), or one file.
     *
     * @return crawl name to its seed file, sorted by name
     * @throws InputException when the path is missing, a folder holds no seed files, or a file is invalid
     */
    public static SortedMap<String, SeedFile> load(Path path) {
        SortedMap<String, SeedFile> out = new TreeMap<>();
        if (Files.isDirectory(path)) {
            for (Path file : seedFiles(path)) {
                SeedFile sf = SeedFileParser.parse(file);
                out.put(sf.crawlName(), sf);
            }
            if (out.isEmpty()) {
                throw new InputException(shown(path) + ": no seed files (*.txt) found");
            }
        } else if (Files.exists(path)) {
            SeedFile sf = SeedFileParser.parse(path);
            out.put(sf.crawlName(), sf);
        } else {
            throw new InputException(path + ": no such seed file or folder");
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** A folder as shown in messages: as given, with a trailing slash ({@code seeds/}). */
    public static String shown(Path dir) {
        String s = dir.toString();
        return s.endsWith("/") || s.endsWith(dir.getFileSystem().getSeparator()) ? s : s + "/";
    }

    private static List<Path> seedFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(p -> {
                String name = p.getFileName().toString();
                if (name.endsWith(".txt") && !name.startsWith(".") && Files.isRegularFile(p)) {
                    files.add(p);
                }
            });
        } catch (IOException e) {
            throw new InputException(shown(dir) + ": cannot list seed folder (" + e.getMessage() + ")", e);
        }
        files.sort(null);
        return files;
    }
}
