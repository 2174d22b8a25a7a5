package org.quire.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Repairs line-oriented files (crawl.log, pages.jsonl) after a crash: a torn last line is cut off. */
public final class LineFiles {

    private LineFiles() {
    }

    /**
     * Cuts everything after the last newline of {@code file} (a line the crash interrupted).
     *
     * @return how many bytes were cut (0 when the file is missing or ends with a newline)
     */
    public static long cutTornLastLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long pos = size;
            ByteBuffer b = ByteBuffer.allocate(8192);
            while (pos > 0) {
                int n = (int) Math.min(b.capacity(), pos);
                b.clear().limit(n);
                ch.read(b, pos - n);
                for (int i = n - 1; i >= 0; i--) {
                    if (b.get(i) == '\n') {
                        long keep = pos - n + i + 1;
                        if (keep < size) {
                            ch.truncate(keep);
                            ch.force(true);
                        }
                        return size - keep;
                    }
                }
                pos -= n;
            }
            if (size > 0) {
                ch.truncate(0);
                ch.force(true);
            }
            return size;
        }
    }
}
