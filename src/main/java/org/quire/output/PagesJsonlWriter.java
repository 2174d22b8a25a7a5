package org.quire.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends {@link PageRecord}s to {@code pages.jsonl}: one JSON object per line, UTF-8, snake_case keys.
 * Thread-safe; each line is handed to the operating system as soon as it is written, so a line is either
 * complete or absent after a crash.
 */
public final class PagesJsonlWriter implements AutoCloseable {

    private static final ObjectWriter JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writerFor(PageRecord.class);

    private final Path file;
    private final BufferedWriter out;
    private boolean closed;

    /** Opens (appending to) the file, creating its directory if needed. */
    public PagesJsonlWriter(Path file) throws IOException {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot open " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Appends one line. */
    public void write(PageRecord page) throws IOException {
        // serialise outside the lock; Jackson escapes newlines inside strings, so this is one line
        String line = JSON.writeValueAsString(page);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(file + " is closed");
            }
            out.write(line);
            out.write('\n');
            out.flush();
        }
    }

    public synchronized void flush() throws IOException {
        if (!closed) {
            out.flush();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
