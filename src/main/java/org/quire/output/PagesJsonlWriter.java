package org.quire.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.quire.archive.LineAppender;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Appends {@link PageRecord}s to {@code pages.jsonl}: one JSON object per line, UTF-8, snake_case keys.
 * Thread-safe; each line is handed to the operating system as soon as it is written, so a line is either
 * complete or absent after a crash.
 */
public final class PagesJsonlWriter implements AutoCloseable {

    private static final ObjectWriter JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writerFor(PageRecord.class);

    private final LineAppender lines;

    /** Opens (appending to) the file, creating its directory if needed. */
    public PagesJsonlWriter(Path file) throws IOException {
        this.lines = new LineAppender(file, "the pages file");
    }

    /** Appends one line (serialised outside any lock; Jackson escapes newlines inside strings). */
    public void write(PageRecord page) throws IOException {
        // not writeValueAsBytes: Jackson 2.17's byte output escapes characters beyond the BMP (emoji) as surrogate
        // pairs; through a String they are written as plain UTF-8
        lines.append(JSON.writeValueAsString(page));
    }


    @Override
    public void close() throws IOException {
        lines.close();
    }
}
