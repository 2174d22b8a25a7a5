package org.quire.crawl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code <archive>/<crawl>/.lock}: held (an operating-system file lock) for as long as a crawl of that name runs,
 * so that a second run of the same crawl refuses instead of writing into the same job. The file holds the pid of
 * the holder, for the message; the lock goes with the process, so a killed crawl never leaves a stale lock.
 */
public final class CrawlLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private CrawlLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another run holds the lock. */
    public static final class HeldException extends IOException {
        HeldException(String message) {
            super(message);
        }
    }

    /**
     * Takes the lock of crawl {@code name} under {@code archiveRoot}.
     *
     * @throws HeldException when another run holds it: "crawl 'news' is already running (lock ... held by pid N)"
     */
    public static CrawlLock acquire(Path archiveRoot, String name) throws IOException {
        Path dir = archiveRoot.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create the crawl folder: " + IoFailures.describe(e), e);
        }
        Path file = dir.resolve(".lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process
        }
        if (lock == null) {
            String pid = holder(ch);
            ch.close();
            throw new HeldException("crawl '" + name + "' is already running (lock " + file + " held by pid "
                    + pid + ")");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(false);
        return new CrawlLock(ch, lock);
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            ch.read(b, 0);
            String s = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
            return s.isEmpty() ? "?" : s;
        } catch (IOException e) {
            return "?";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
