package org.quire.recrawl;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The capture index of one crawl across all its runs, a SQLite file ({@code archive/<crawl>/captures.db}): per URL
 * the last capture (validators for conditional requests, payload digest, the full record holding its content),
 * and per payload digest the first full record with that payload (for identical-payload-digest revisits).
 * Thread-safe. Writes go into a transaction that is committed at least every {@value #COMMIT_INTERVAL_MS} ms (by a
 * timer, and by the next write once that long has passed) and on {@link #close}, so a kill loses at most the last
 * moments of index entries: derived data, whose loss only means a later run fetches those URLs without validators
 * and stores their next copy in full rather than as a revisit.
 */
public final class CaptureIndex implements AutoCloseable {

    private static final int SCHEMA_VERSION = 1;
    private static final String[] SCHEMA = {
            "CREATE TABLE IF NOT EXISTS captures (url TEXT PRIMARY KEY, status INTEGER NOT NULL, etag TEXT,"
                    + " last_modified TEXT, payload_digest TEXT, fetched_at TEXT NOT NULL, depth INTEGER NOT NULL,"
                    + " via TEXT, orig_uri TEXT, orig_warc TEXT, orig_offset INTEGER, orig_record_id TEXT,"
                    + " orig_date TEXT)",
            "CREATE TABLE IF NOT EXISTS digests (digest TEXT PRIMARY KEY, uri TEXT NOT NULL, warc TEXT NOT NULL,"
                    + " offset INTEGER NOT NULL, record_id TEXT NOT NULL, date TEXT NOT NULL)"
    };

    static final long COMMIT_INTERVAL_MS = 100;

    private final Path file;
    private final Connection db;
    private final ScheduledExecutorService committer;
    private long lastCommitNanos = System.nanoTime();
    private boolean dirty;
    private boolean closed;

    /** Prepared once, on first use, and reused (preparing costs more than running these one-row statements). */
    private final PreparedStatement[] statements = new PreparedStatement[4];

    private CaptureIndex(Path file, Connection db) {
        this.file = file;
        this.db = db;
        this.committer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "capture-index-commit");
            t.setDaemon(true);
            return t;
        });
        committer.scheduleWithFixedDelay(this::commitIfDirty, COMMIT_INTERVAL_MS, COMMIT_INTERVAL_MS,
                TimeUnit.MILLISECONDS);
    }

    private synchronized void commitIfDirty() {
        if (!closed && dirty) {
            try {
                commit();
            } catch (IOException e) {
                // the next write or close reports it to its caller; the timer keeps running
            }
        }
    }

    private void commit() throws IOException {
        try {
            db.commit();
            dirty = false;
            lastCommitNanos = System.nanoTime();
        } catch (SQLException e) {
            throw failure("commit", e);
        }
    }

    /** After a write: marks the transaction dirty and commits it when the last commit is long enough ago. */
    private void written() throws IOException {
        dirty = true;
        if (System.nanoTime() - lastCommitNanos >= TimeUnit.MILLISECONDS.toNanos(COMMIT_INTERVAL_MS)) {
            commit();
        }
    }

    private PreparedStatement statement(int slot, String sql) throws SQLException {
        PreparedStatement ps = statements[slot];
        if (ps == null) {
            ps = db.prepareStatement(sql);
            statements[slot] = ps;
        }
        return ps;
    }

    /** Opens (creating if needed) the index at {@code file}. */
    public static CaptureIndex open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        try {
            Connection db = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    int version = rs.next() ? rs.getInt(1) : 0;
                    if (version > SCHEMA_VERSION) {
                        db.close();
                        throw new IOException(file + ": capture index schema version " + version
                                + " is newer than this program's (" + SCHEMA_VERSION + ")");
                    }
                }
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            db.setAutoCommit(false);
            return new CaptureIndex(file, db);
        } catch (SQLException e) {
            throw new IOException(file + ": cannot open the capture index: " + e.getMessage(), e);
        }
    }

    /** Whether no capture of any URL has been recorded yet (a crawl's first run, before its first page). */
    public synchronized boolean hasNoCaptures() throws IOException {
        try (java.sql.Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM captures LIMIT 1")) {
            return !rs.next();
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** The last capture of {@code url}, if any run captured it. */
    public synchronized Optional<PriorCapture> last(String url) throws IOException {
        try {
            PreparedStatement ps = statement(0, "SELECT url, status, etag, last_modified, payload_digest,"
                + " fetched_at, depth, via, orig_uri, orig_warc, orig_offset, orig_record_id, orig_date"
                + " FROM captures WHERE url = ?");
            ps.setString(1, url);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(capture(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** The first full record whose payload has digest {@code digest}, if any. */
    public synchronized Optional<StoredRecord> firstWithDigest(String digest) throws IOException {
        try {
            PreparedStatement ps = statement(1,
                "SELECT uri, warc, offset, record_id, date FROM digests WHERE digest = ?");
            ps.setString(1, digest);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredRecord(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), Instant.parse(rs.getString(5)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Records {@code record} as the first full record with payload {@code digest}, unless one is known. */
    public synchronized void addDigest(String digest, StoredRecord record) throws IOException {
        try {
            PreparedStatement ps = statement(2, "INSERT OR IGNORE INTO digests"
                + " (digest, uri, warc, offset, record_id, date) VALUES (?, ?, ?, ?, ?, ?)");
            ps.setString(1, digest);
            ps.setString(2, record.targetUri());
            ps.setString(3, record.warcPath());
            ps.setLong(4, record.offset());
            ps.setString(5, record.recordId());
            ps.setString(6, record.date().toString());
            ps.executeUpdate();
            written();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /** Makes {@code capture} the last capture of its URL. */
    public synchronized void put(PriorCapture capture) throws IOException {
        try {
            PreparedStatement ps = statement(3, "INSERT OR REPLACE INTO captures (url, status, etag,"
                + " last_modified, payload_digest, fetched_at, depth, via, orig_uri, orig_warc, orig_offset,"
                + " orig_record_id, orig_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            StoredRecord o = capture.original();
            ps.setString(1, capture.url());
            ps.setInt(2, capture.status());
            ps.setString(3, capture.etag());
            ps.setString(4, capture.lastModified());
            ps.setString(5, capture.payloadDigest());
            ps.setString(6, capture.fetchedAt().toString());
            ps.setInt(7, capture.depth());
            ps.setString(8, capture.via());
            ps.setString(9, o == null ? null : o.targetUri());
            ps.setString(10, o == null ? null : o.warcPath());
            if (o == null) {
                ps.setNull(11, java.sql.Types.INTEGER);
            } else {
                ps.setLong(11, o.offset());
            }
            ps.setString(12, o == null ? null : o.recordId());
            ps.setString(13, o == null ? null : o.date().toString());
            ps.executeUpdate();
            written();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /** Receives captures one at a time. */
    public interface CaptureSink {
        void accept(PriorCapture capture) throws IOException;
    }

    /**
     * Hands every URL captured so far to {@code sink}, shallowest first (then in URL order), one row at a time, so
     * that a crawl of millions of pages is not read into memory at once.
     */
    public synchronized void forEach(CaptureSink sink) throws IOException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT url, status, etag, last_modified, payload_digest, fetched_at,"
                     + " depth, via, orig_uri, orig_warc, orig_offset, orig_record_id, orig_date FROM captures"
                     + " ORDER BY depth, url")) {
            while (rs.next()) {
                sink.accept(capture(rs));
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    private static PriorCapture capture(ResultSet rs) throws SQLException {
        StoredRecord original = null;
        if (rs.getString(10) != null) {
            original = new StoredRecord(rs.getString(9), rs.getString(10), rs.getLong(11), rs.getString(12),
                    Instant.parse(rs.getString(13)));
        }
        return new PriorCapture(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Instant.parse(rs.getString(6)), rs.getInt(7), rs.getString(8), original);
    }

    private IOException failure(String what, SQLException e) {
        return new IOException(file + ": cannot " + what + " the capture index: " + e.getMessage(), e);
    }

    /** Commits and closes. Closing twice is harmless. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        committer.shutdown();
        SQLException failed = null;
        try {
            db.commit();
        } catch (SQLException e) {
            failed = e;
        }
        try {
            for (PreparedStatement ps : statements) {
                if (ps != null) {
                    ps.close();
                }
            }
            db.close();
        } catch (SQLException e) {
            failed = failed == null ? e : failed;
        }
        if (failed != null) {
            throw failure("close", failed);
        }
    }
}
