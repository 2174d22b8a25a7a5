package org.quire.archive;

import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.Warcinfo;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A series of WARC files in one folder, written one at a time: each is written as {@code <name>.open}, begins with
 * its own {@code warcinfo} record, is closed and renamed to {@code <name>} once it has grown past the size limit
 * (a new one with the next free serial begins on the next write), and a name already taken is never overwritten.
 * The WARC and WET writers each keep one. Not thread-safe: its owner serialises calls (one lock per file).
 */
public final class WarcFileSeries {

    private final Path dir;
    private final IntFunction<String> nameForSerial;
    private final long maxFileSize;
    private final WarcinfoFields info;
    private final String kind;
    private final List<Path> closedFiles = new ArrayList<>();

    private int nextSerial;
    private FileChannel channel;
    private FastGzipWarcWriter writer;
    private String currentName;
    private URI currentWarcinfoId;
    private long bytesInClosedFiles;
    private boolean closed;

    /**
     * @param dir           where the files go; created if missing
     * @param nameForSerial the final file name for a serial number (0, 1, ...)
     * @param maxFileSize   a file is closed once it has grown past this many bytes (0 or less: never)
     * @param info          what each file's warcinfo record says
     * @param kind          what the files are, for messages ("WARC", "WET")
     */
    public WarcFileSeries(Path dir, IntFunction<String> nameForSerial, long maxFileSize, WarcinfoFields info,
                          String kind) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        this.nameForSerial = nameForSerial;
        this.maxFileSize = maxFileSize;
        this.info = info;
        this.kind = kind;
        try {
            Files.createDirectories(this.dir);
        } catch (IOException e) {
            throw new IOException("cannot create the " + kind + " directory " + this.dir + ": " + e, e);
        }
    }

    /**
     * The writer of the current file, after closing a file that has passed the size limit and opening the next
     * one as needed.
     *
     * @throws IllegalStateException after {@link #close()} or {@link #closeUnfinished()}
     */
    public FastGzipWarcWriter writer() throws IOException {
        if (closed) {
            throw new IllegalStateException("the " + kind + " files in " + dir + " are closed");
        }
        if (writer != null && maxFileSize > 0 && writer.position() >= maxFileSize) {
            closeCurrent();
        }
        if (writer == null) {
            openNext();
        }
        return writer;
    }

    /**
     * The writer of the file being written, opening one if none is open but never rotating: for a record that
     * belongs in the same file as the one written just before it (a page's outlinks after its response).
     */
    public FastGzipWarcWriter sameFileWriter() throws IOException {
        if (closed) {
            throw new IllegalStateException("the " + kind + " files in " + dir + " are closed");
        }
        if (writer == null) {
            openNext();
        }
        return writer;
    }

    /** The final name (without {@code .open}) of the file being written, or null when none is open. */
    public String currentName() {
        return currentName;
    }

    /** The id of the current file's warcinfo record (for WARC-Warcinfo-ID), or null when none is open. */
    public URI warcinfoId() {
        return currentWarcinfoId;
    }

    /** Final paths of the files closed so far. */
    public List<Path> closedFiles() {
        return List.copyOf(closedFiles);
    }

    /** Compressed bytes written to all files so far, warcinfo records included. */
    public long bytesWritten() {
        return bytesInClosedFiles + (writer == null ? 0 : writer.position());
    }

    /** Closes the open file, if any, renaming it to its final name. Further writes fail. Idempotent. */
    public void close() throws IOException {
        closeCurrent();
        closed = true;
    }

    /**
     * Closes the open file, if any, without renaming it: it stays {@code <name>.open}, so nothing half-done looks
     * complete; a resume repairs and renames it. Further writes fail.
     */
    public void closeUnfinished() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                // the file stays .open; a resume cuts what was not written whole
            } finally {
                forgetCurrent();
            }
        }
        closed = true;
    }

    private void openNext() throws IOException {
        while (true) {
            String name = nameForSerial.apply(nextSerial++);
            Path finalPath = dir.resolve(name);
            Path openPath = dir.resolve(name + WarcFileNames.OPEN_SUFFIX);
            if (Files.exists(finalPath)) {
                continue;
            }
            try {
                channel = FileChannel.open(openPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw new IOException("cannot create " + kind + " file " + openPath + ": " + e.getMessage(), e);
            }
            currentName = name;
            writer = new FastGzipWarcWriter(channel);
            writeWarcinfo(name);
            return;
        }
    }

    /** jwarc builds warcinfo's block from the fields; digest what it built and write that. */
    private void writeWarcinfo(String name) throws IOException {
        Warcinfo built = new Warcinfo.Builder().fields(info.asFields()).build();
        byte[] block = built.body().stream().readAllBytes();
        Warcinfo warcinfo = new Warcinfo.Builder()
                .version(MessageVersion.WARC_1_1)
                .date(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .filename(name)
                .blockDigest(Sha1.of(block))
                .body(MediaType.WARC_FIELDS, block)
                .build();
        currentWarcinfoId = warcinfo.id();
        writer.write(warcinfo);
    }

    private void closeCurrent() throws IOException {
        if (writer == null) {
            return;
        }
        long size = writer.position();
        String name = currentName;
        try {
            channel.force(true);
            writer.close();
        } finally {
            forgetCurrent();
        }
        Path openPath = dir.resolve(name + WarcFileNames.OPEN_SUFFIX);
        Path finalPath = dir.resolve(name);
        try {
            Files.move(openPath, finalPath, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(openPath, finalPath);
        }
        closedFiles.add(finalPath);
        bytesInClosedFiles += size;
    }

    private void forgetCurrent() {
        writer = null;
        channel = null;
        currentName = null;
        currentWarcinfoId = null;
    }
}
