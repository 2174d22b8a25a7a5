package org.quire.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the main text of each page to {@code text/<host>/<safe name>.txt} (UTF-8), the names derived from the URL
 * by {@link SafeFileNames#folderFor} and {@link SafeFileNames#fileFor}. One folder per host keeps folders small and
 * lets fetch threads (which work on different hosts) create files without queueing on one directory lock.
 * <p>
 * The file is written in place. A page's text is written before the page is marked done, so a text file that a
 * killed process left half-written belongs to a page the resume finds not done, and the resume rewrites it from
 * the archived response. Thread-safe (each URL has its own file).
 */
public final class TextFileWriter {

    private final Path textDir;
    private final Set<Path> madeFolders = ConcurrentHashMap.newKeySet();

    /** @param textDir the {@code text/} folder; created if missing */
    public TextFileWriter(Path textDir) throws IOException {
        this.textDir = textDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.textDir);
        } catch (IOException e) {
            throw new IOException("cannot create the text directory " + this.textDir + ": " + e, e);
        }
    }

    /** Where the text of this URL goes (always in a folder directly inside the text directory). */
    public Path pathFor(String url) {
        Path folder = textDir.resolve(SafeFileNames.folderFor(url));
        Path p = folder.resolve(SafeFileNames.fileFor(url) + ".txt");
        if (!textDir.equals(folder.getParent()) || !folder.equals(p.getParent())) {
            throw new IllegalStateException("unsafe text file name for " + url + ": " + p);
        }
        return p;
    }

    /** Writes (or replaces) the text of this URL and returns the file. */
    public Path write(String url, String text) throws IOException {
        return writeUtf8(url, (text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #write}, with the text already encoded as UTF-8. */
    public Path writeUtf8(String url, byte[] text) throws IOException {
        Path target = pathFor(url);
        Path folder = target.getParent();
        if (!madeFolders.contains(folder)) {
            Files.createDirectories(folder);
            madeFolders.add(folder);
        }
        ByteBuffer bytes = ByteBuffer.wrap(text);
        FileChannel channel;
        try {
            channel = open(target);
        } catch (NoSuchFileException e) {
            Files.createDirectories(folder); // the host's folder was removed since it was made
            channel = open(target);
        }
        try (FileChannel c = channel) {
            while (bytes.hasRemaining()) {
                c.write(bytes);
            }
        }
        return target;
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }
}
