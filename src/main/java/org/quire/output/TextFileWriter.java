package org.quire.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the main text of each page to {@code text/<safe name>.txt} (UTF-8), the name derived from the URL by
 * {@link SafeFileNames#forUrl}. A file is written under a temporary name and moved into place, so it is
 * never seen half-written. Thread-safe (each URL has its own file).
 */
public final class TextFileWriter {

    private static final AtomicLong TMP_COUNTER = new AtomicLong();

    private final Path textDir;
    private final String tmpPrefix = ".tmp-" + ProcessHandle.current().pid() + "-";

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

    /**
     * Writes (or replaces) the text of this URL and returns the file: written to a new temporary file in the text
     * directory, then moved over the target atomically. The temporary name comes from a counter (no random
     * numbers, no separate create step); a name that happens to exist is skipped.
     */
    public Path write(String url, String text) throws IOException {
        Path target = pathFor(url);
        ByteBuffer bytes = ByteBuffer.wrap((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
        Path tmp;
        FileChannel ch;
        while (true) {
            tmp = textDir.resolve(tmpPrefix + TMP_COUNTER.incrementAndGet() + ".txt");
            try {
                ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                break;
            } catch (FileAlreadyExistsException e) {
                // left by an earlier process with the same pid: take the next name
            }
        }
        boolean moved = false;
        try {
            try (FileChannel c = ch) {
                while (bytes.hasRemaining()) {
                    c.write(bytes);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
        return target;
    }
}
