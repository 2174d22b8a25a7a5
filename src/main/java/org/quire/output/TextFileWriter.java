package org.quire.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the main text of each page to {@code text/<safe name>.txt} (UTF-8), the name derived from the URL by
 * {@link SafeFileNames#forUrl}. A file is written under a temporary name and moved into place, so it is
 * never seen half-written. Thread-safe (each URL has its own file).
 */
public final class TextFileWriter {

    private final Path textDir;

    /** @param textDir the {@code text/} folder; created if missing */
    public TextFileWriter(Path textDir) throws IOException {
        this.textDir = textDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.textDir);
        } catch (IOException e) {
            throw new IOException("cannot create the text directory " + this.textDir + ": " + e, e);
        }
    }

    /** Where the text of this URL goes (always directly inside the text directory). */
    public Path pathFor(String url) {
        Path p = textDir.resolve(SafeFileNames.forUrl(url) + ".txt").normalize();
        if (!textDir.equals(p.getParent())) {
            throw new IllegalStateException("unsafe text file name for " + url + ": " + p);
        }
        return p;
    }

    /** Writes (or replaces) the text of this URL and returns the file. */
    public Path write(String url, String text) throws IOException {
        Path target = pathFor(url);
        Path tmp = Files.createTempFile(textDir, ".tmp-", ".txt");
        try {
            Files.writeString(tmp, text == null ? "" : text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
