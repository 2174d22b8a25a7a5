package org.quire.crawl;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** One-line, human descriptions of the I/O failures that stop a crawl (disk full, folder gone, not writable). */
public final class IoFailures {

    private IoFailures() {
    }

    /** E.g. "archive/news/2026.../text: not a directory" or "No space left on device". */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String why = fs.getReason();
            if (why == null || why.isBlank()) {
                why = e instanceof NotDirectoryException ? "not a directory"
                        : e instanceof NoSuchFileException ? "no such file or folder"
                        : e instanceof AccessDeniedException ? "permission denied"
                        : e instanceof FileAlreadyExistsException ? "a file is in the way"
                        : e.getClass().getSimpleName();
            }
            return fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "") + ": " + why;
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
