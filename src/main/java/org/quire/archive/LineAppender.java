package org.quire.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends whole lines to a UTF-8 text file (crawl.log, pages.jsonl), each handed to the operating system before
 * {@link #append} returns, so a killed process loses no line it was told about (a resume cuts a torn last line).
 * Thread-safe.
 */
public final class LineAppender implements AutoCloseable {

    private final Path file;
    private final FileChannel out;
    private boolean closed;

    /**
     * Opens (appending to) {@code file}, creating its directory if needed.
     *
     * @param what what the file is, for the message when it cannot be opened ("the crawl log")
     */
    public LineAppender(Path file, String what) throws IOException {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot open " + what + " " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends {@code line} (which must not contain a newline) and a newline. The line is encoded by the calling
     * thread; only the write itself is serialised.
     */
    public void append(String line) throws IOException {
        // the line and its newline go out in one gathering write: no copy of a long line (a pages.jsonl line
        // holds the page's text) just to add one byte
        ByteBuffer[] buffers = {ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), ByteBuffer.wrap(NEWLINE)};
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(file + " is closed");
            }
            while (buffers[1].hasRemaining()) {
                out.write(buffers);
            }
        }
    }

    private static final byte[] NEWLINE = {'\n'};

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
