package org.quire.recrawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code archive/<crawl>/latest}: a relative symbolic link to the newest finished job folder, replaced
 * atomically; where symbolic links cannot be made, a text file {@code latest} holding the folder's name.
 */
public final class LatestPointer {

    /** The name of the pointer inside the crawl's folder. */
    public static final String NAME = "latest";

    private LatestPointer() {
    }

    /** Points {@code crawlDir/latest} at {@code jobRoot} (a folder inside {@code crawlDir}). */
    public static void update(Path crawlDir, Path jobRoot) throws IOException {
        Path latest = crawlDir.resolve(NAME);
        Path tmp = crawlDir.resolve(NAME + ".tmp");
        Path target = jobRoot.getFileName();
        Files.deleteIfExists(tmp);
        try {
            Files.createSymbolicLink(tmp, target);
        } catch (UnsupportedOperationException | IOException e) {
            Files.writeString(tmp, target + "\n", StandardCharsets.UTF_8);
        }
        try {
            Files.move(tmp, latest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, latest, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The job folder {@code crawlDir/latest} points at, if any. */
    public static Optional<Path> resolve(Path crawlDir) throws IOException {
        Path latest = crawlDir.resolve(NAME);
        if (Files.isSymbolicLink(latest)) {
            return Optional.of(crawlDir.resolve(Files.readSymbolicLink(latest)));
        }
        if (Files.isRegularFile(latest, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(crawlDir.resolve(Files.readString(latest, StandardCharsets.UTF_8).strip()));
        }
        return Optional.empty();
    }
}
