package org.quire.testweb;

import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcPayload;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcTargetRecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Re-reads WARC files with jwarc and verifies every record's block and payload digests. */
public final class WarcCheck {

    /** What a test needs to know of one record. */
    public record Rec(String file, long offset, String type, String id, String target, List<String> concurrentTo,
                      String truncated, String payloadDigest) {
    }

    private WarcCheck() {
    }

    /** All closed WARC files of a folder, sorted; fails if any {@code .open} file is left. */
    public static List<Path> warcFiles(Path warcDir) throws IOException {
        try (Stream<Path> s = Files.list(warcDir)) {
            List<Path> all = s.sorted().toList();
            assertTrue(all.stream().noneMatch(p -> p.toString().endsWith(".open")), "left open: " + all);
            return all.stream().filter(p -> p.toString().endsWith(".warc.gz")).toList();
        }
    }

    /** Reads every record of every file, verifying digests; returns them in order. */
    public static List<Rec> readAll(Path warcDir) throws Exception {
        List<Rec> out = new ArrayList<>();
        for (Path f : warcFiles(warcDir)) {
            out.addAll(read(f));
        }
        return out;
    }

    public static List<Rec> read(Path file) throws Exception {
        List<Rec> out = new ArrayList<>();
        try (WarcReader reader = new WarcReader(FileChannel.open(file))) {
            reader.calculateBlockDigest();
            reader.onWarning(w -> {
                throw new AssertionError(file + ": jwarc warning: " + w);
            });
            for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                WarcRecord r = next.get();
                String target = null;
                List<String> conc = List.of();
                String payloadDigest = null;
                if (r instanceof WarcTargetRecord t) {
                    target = t.target();
                    assertTrue(!target.startsWith("<"), "Target-URI in angle brackets: " + target);
                    Optional<WarcDigest> declared = t.payloadDigest();
                    payloadDigest = declared.map(WarcDigest::prefixedBase32).orElse(null);
                    if (declared.isPresent() && !r.type().equals("revisit")) {
                        Optional<WarcPayload> payload = t.payload();
                        MessageDigest md = declared.get().getDigester();
                        if (payload.isPresent()) {
                            try (InputStream in = payload.get().body().stream()) {
                                byte[] buf = new byte[8192];
                                for (int n; (n = in.read(buf)) > 0; ) {
                                    md.update(buf, 0, n);
                                }
                            }
                        }
                        assertEquals(declared.get(), new WarcDigest(md), file + " payload digest of " + target);
                    }
                    if (r instanceof org.netpreserve.jwarc.WarcCaptureRecord c) {
                        conc = c.concurrentTo().stream().map(u -> "<" + u + ">").toList();
                    }
                }
                // after the payload was read: computing the block digest consumes the rest of the body
                if (r.blockDigest().isPresent()) {
                    assertEquals(r.blockDigest().get(), r.calculatedBlockDigest().orElseThrow(),
                            file + " block digest of " + r.id());
                }
                String trunc = r.headers().first("WARC-Truncated").orElse(null);
                out.add(new Rec(file.getFileName().toString(), r.position(), r.type(), "<" + r.id() + ">", target,
                        conc, trunc, payloadDigest));
            }
        }
        return out;
    }
}
