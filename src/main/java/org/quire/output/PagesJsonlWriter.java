package org.quire.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.quire.archive.LineAppender;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        // Jackson's own byte output (2.17) would escape characters beyond the BMP (emoji) as surrogate pairs
        // (backslash-u escapes); the String path writes them as plain UTF-8, as the file always had them
        lines.appendUtf8(JSON.writeValueAsString(page).getBytes(StandardCharsets.UTF_8));
    }


    @Override
    public void close() throws IOException {
        lines.close();
    }
}
