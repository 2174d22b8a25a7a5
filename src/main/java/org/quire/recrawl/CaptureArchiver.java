package org.quire.recrawl;

import org.netpreserve.jwarc.WarcDigest;
import org.quire.archive.RecordLocation;
import org.quire.archive.RevisitProfile;
import org.quire.archive.Sha1;
import org.quire.archive.WarcArchiver;
import org.quire.fetch.FetchResult;
import org.quire.fetch.HttpHeader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Archives the exchanges of a re-crawl so that only what changed is stored in full, using the crawl's
 * {@link CaptureIndex}:
 * <ul>
 *   <li>requests carry If-None-Match / If-Modified-Since from the URL's last capture (when that capture's
 *       content can still be read back);</li>
 *   <li>a 304 becomes a {@code revisit} record (server-not-modified) referring to the earlier full record, and
 *       the page is extracted from that record, read back with jwarc;</li>
 *   <li>a 200 whose payload digest was archived before (any URL, any run) becomes a {@code revisit} record
 *       (identical-payload-digest) referring to the first full record with that payload;</li>
 *   <li>anything else is archived in full.</li>
 * </ul>
 * Pages are marked {@link ChangeMark new, changed or unchanged} against the URL's last capture.
 */
public final class CaptureArchiver {

    private final CaptureIndex index;
    private final WarcArchiver warc;
    private final String jobDirName;
    private final StoredResponseReader reader;

    /**
     * @param crawlDir   the crawl's folder, {@code archive/<crawl>/}
     * @param jobDirName the name of this run's job folder inside it (WARC files are under its {@code warc/})
     */
    public CaptureArchiver(CaptureIndex index, WarcArchiver warc, Path crawlDir, String jobDirName)
            throws IOException {
        this.index = index;
        this.warc = warc;
        this.jobDirName = jobDirName;
        this.reader = new StoredResponseReader(crawlDir);
        this.earlierCaptures = !index.hasNoCaptures();
    }

    /**
     * Whether the index held captures when this run began (a resumed job's own included). Each URL is fetched at
     * most once per run, so without earlier captures every {@link #prior} is empty, and it is answered without a
     * look-up per page.
     */
    private final boolean earlierCaptures;


    /** The last capture of {@code url} by any run of the crawl, if there was one. */
    public Optional<PriorCapture> prior(String url) throws IOException {
        return earlierCaptures ? index.last(url) : Optional.empty();
    }

    /** The conditional request headers from a URL's last capture (none when never captured). */
    public List<HttpHeader> conditionalHeaders(Optional<PriorCapture> prior) {
        if (prior.isEmpty() || prior.get().original() == null || reader.file(prior.get().original()).isEmpty()) {
            return List.of();
        }
        List<HttpHeader> h = new ArrayList<>(2);
        if (prior.get().etag() != null) {
            h.add(new HttpHeader("If-None-Match", prior.get().etag()));
        }
        if (prior.get().lastModified() != null) {
            h.add(new HttpHeader("If-Modified-Since", prior.get().lastModified()));
        }
        return h;
    }

    /** Hands each URL earlier runs captured to {@code sink}, shallowest first, one at a time. */
    public void forEachKnownUrl(CaptureIndex.CaptureSink sink) throws IOException {
        index.forEach(sink);
    }

    /**
     * Archives one exchange that got a response (a full record or a revisit) and updates the index.
     *
     * @param url   the URL as the frontier knows it
     * @param depth its link hops from a seed
     * @param via   the page it was found on, or null
     * @param prior its last capture, as {@link #prior} gave it before the fetch
     */
    public Capture archive(FetchResult r, String url, int depth, String via, Optional<PriorCapture> prior)
            throws IOException {
        if (r.status() == 304 && prior.isPresent() && prior.get().original() != null) {
            return notModified(r, prior.get(), depth, via);
        }
        boolean page = r.status() >= 200 && r.status() < 300;
        if (!page) {
            return new Capture(warc.archive(r), null, null);
        }
        WarcDigest payloadDigest = Sha1.of(r.body());
        String digest = payloadDigest.toString();
        ChangeMark change = prior.isEmpty() ? ChangeMark.NEW
                : digest.equals(prior.get().payloadDigest()) ? ChangeMark.UNCHANGED : ChangeMark.CHANGED;
        boolean dedupable = r.status() == 200 && r.truncated() == null && r.body().length > 0;
        Optional<StoredRecord> first = dedupable ? index.firstWithDigest(digest) : Optional.empty();
        RecordLocation loc;
        StoredRecord original;
        if (first.isPresent()) {
            original = first.get();
            loc = warc.archiveRevisit(r, RevisitProfile.IDENTICAL_PAYLOAD_DIGEST, original.recordId(),
                    URI.create(original.targetUri()), original.date());
        } else {
            loc = warc.archive(r, payloadDigest);
            original = new StoredRecord(r.url().toString(), jobDirName + "/warc/" + loc.warcFile(), loc.offset(),
                    loc.recordId(), r.fetchedAt());
            if (dedupable) {
                index.addDigest(digest, original);
            }
        }
        index.put(new PriorCapture(url, r.status(), r.header("ETag"), r.header("Last-Modified"), digest,
                r.fetchedAt(), depth, via, original));
        return new Capture(loc, r, change);
    }

    /**
     * Archives a prerequisite such as robots.txt: deduplicated by payload digest only (a revisit when the same
     * payload was archived before), without conditional requests, change marks or an entry among the pages.
     */
    public RecordLocation archiveByDigest(FetchResult r) throws IOException {
        if (r.status() != 200 || r.truncated() != null || r.body().length == 0) {
            return warc.archive(r);
        }
        String digest = sha1(r.body());
        Optional<StoredRecord> first = index.firstWithDigest(digest);
        if (first.isPresent()) {
            return warc.archiveRevisit(r, RevisitProfile.IDENTICAL_PAYLOAD_DIGEST, first.get().recordId(),
                    URI.create(first.get().targetUri()), first.get().date());
        }
        RecordLocation loc = warc.archive(r);
        index.addDigest(digest, new StoredRecord(r.url().toString(), jobDirName + "/warc/" + loc.warcFile(),
                loc.offset(), loc.recordId(), r.fetchedAt()));
        return loc;
    }

    private Capture notModified(FetchResult r, PriorCapture prior, int depth, String via) throws IOException {
        StoredRecord original = prior.original();
        RecordLocation revisit = warc.archiveRevisit(r, RevisitProfile.SERVER_NOT_MODIFIED, original.recordId(),
                URI.create(original.targetUri()), original.date());
        String etag = r.header("ETag") != null ? r.header("ETag") : prior.etag();
        String lastModified = r.header("Last-Modified") != null ? r.header("Last-Modified") : prior.lastModified();
        index.put(new PriorCapture(prior.url(), 304, etag, lastModified, prior.payloadDigest(), r.fetchedAt(),
                depth, via, original));
        FetchResult standIn;
        try {
            standIn = reader.standIn(original, r);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            standIn = null; // the 304 is archived; without the earlier content there is no page to extract
        }
        RecordLocation loc = new RecordLocation(revisit.warcFile(), revisit.offset(), revisit.recordId(),
                prior.payloadDigest(), revisit.length());
        return new Capture(loc, standIn, ChangeMark.UNCHANGED);
    }

    /** The payload digest as WarcArchiver writes it ({@code sha1:} + base32). */
    static String sha1(byte[] body) {
        return Sha1.of(body).toString();
    }
}
