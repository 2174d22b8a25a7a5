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
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;

/**
 * A series of WARC files in one folder, written one at a time: each is written as {@code <name>.open}, begins with
 * its own {@code warcinfo} record, is closed and renamed to {@code <name>} once it has grown past the size limit
 * (a new one with the next free serial begins on the next write), and a name already taken is never overwritten.
 * The WARC and WET writers each keep one.
 * <p>
 * Thread-safe. Records are appended as finished gzip members ({@link GzipMemberEncoder}), encoded by the calling
 * thread before the series' lock is taken, for the file written last; in the rare case that they go to another
 * file (the first records, or after a rotation) they are encoded again for it, so every record names its own
 * file's warcinfo record. The lock is held only to append bytes, and the records of one call stay adjacent.
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
    /** The warcinfo id of the file written last, read without the lock to encode records ahead of it. */
    private volatile URI lastWarcinfoId;
    private final ReentrantLock lock = new ReentrantLock();
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

    /** Encodes the gzip members of records that name their file's warcinfo record (for WARC-Warcinfo-ID). */
    public interface Records {
        byte[][] encode(URI warcinfoId) throws IOException;
    }

    /** Where the first of the appended records landed: final file name, offset and length of its gzip member. */
    public record Appended(String file, long offset, long length) {
    }

    /**
     * Appends the records, adjacent, to the current file (closing a file that has passed the size limit and
     * opening the next as needed), or, with {@code sameFile}, to the file written last, never rotating: for a record
     * that belongs with the one written just before it (a page's outlinks after its response).
     *
     * @throws IllegalStateException after {@link #close()} or {@link #closeUnfinished()}
     */
    public Appended append(boolean sameFile, Records records) throws IOException {
        URI assumed = lastWarcinfoId;
        byte[][] encoded = assumed == null ? null : records.encode(assumed);
        lock.lock();
        try {
            FastGzipWarcWriter w = sameFile ? sameFileWriter() : writer();
            if (encoded == null || !currentWarcinfoId.equals(assumed)) {
                encoded = records.encode(currentWarcinfoId);
            }
            long offset = w.position();
            long length = encoded[0].length;
            w.appendAll(encoded);
            lastWarcinfoId = currentWarcinfoId;
            return new Appended(currentName, offset, length);
        } finally {
            lock.unlock();
        }
    }

    private FastGzipWarcWriter writer() throws IOException {
        checkOpen();
        if (writer != null && maxFileSize > 0 && writer.position() >= maxFileSize) {
            closeCurrent();
        }
        if (writer == null) {
            openNext();
        }
        return writer;
    }

    private FastGzipWarcWriter sameFileWriter() throws IOException {
        checkOpen();
        if (writer == null) {
            openNext();
        }
        return writer;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the " + kind + " files in " + dir + " are closed");
        }
    }

    /** Final paths of the files closed so far. */
    public List<Path> closedFiles() {
        lock.lock();
        try {
            return List.copyOf(closedFiles);
        } finally {
            lock.unlock();
        }
    }

    /** Compressed bytes written to all files so far, warcinfo records included. */
    public long bytesWritten() {
        lock.lock();
        try {
            return bytesInClosedFiles + (writer == null ? 0 : writer.position());
        } finally {
            lock.unlock();
        }
    }

    /** Closes the open file, if any, renaming it to its final name. Further writes fail. Idempotent. */
    public void close() throws IOException {
        lock.lock();
        try {
            closeCurrent();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the open file, if any, without renaming it: it stays {@code <name>.open}, so nothing half-done looks
     * complete; a resume repairs and renames it. Further writes fail.
     */
    public void closeUnfinished() {
        lock.lock();
        try {
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
        } finally {
            lock.unlock();
        }
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
