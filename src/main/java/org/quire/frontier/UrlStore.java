package org.quire.frontier;

import org.quire.archive.RecordLocation;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The frontier's SQLite file: schema, prepared statements and the batching of writes into long transactions.
 * <p>
 * One connection, always inside an open transaction: every change is executed at once (so later reads on the same
 * connection see it) and made durable by {@link #commit}, which the owner calls every {@link #commitEvery} changes
 * or on a timer. Not thread-safe: the owner serialises all calls.
 */
final class UrlStore implements AutoCloseable {

    /**
     * Schema version kept in {@code PRAGMA user_version}. Version 1 had a unique index on the URL text; version 2
     * indexes the URL's {@link UrlFingerprints fingerprint} instead (column {@code fp}), and {@link #open} migrates
     * a version-1 file in place.
     */
    static final int SCHEMA_VERSION = 2;

    private static final String HOSTS_TABLE = """
        CREATE TABLE IF NOT EXISTS hosts (
          id           INTEGER PRIMARY KEY,
          name         TEXT    NOT NULL UNIQUE,
          next_allowed INTEGER NOT NULL DEFAULT 0
        )""";

    /**
     * The URL table (under the name given). The URL text is not declared unique: {@link #insertUrls} keeps it so
     * by looking each URL up by fingerprint and comparing the text before inserting (one connection, one writer).
     */
    private static String urlsTable(String name) {
        return """
        CREATE TABLE IF NOT EXISTS %s (
          id             INTEGER PRIMARY KEY,
          fp             INTEGER NOT NULL,
          url            TEXT    NOT NULL,
          host_id        INTEGER NOT NULL REFERENCES hosts(id),
          depth          INTEGER NOT NULL,
          via            TEXT,
          discovery_path TEXT    NOT NULL,
          state          INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1, 2)),
          attempts       INTEGER NOT NULL DEFAULT 0,
          not_before     INTEGER NOT NULL DEFAULT 0,
          outcome        TEXT,
          done_at        INTEGER,
          warc_file      TEXT,
          warc_offset    INTEGER,
          record_id      TEXT
        )""".formatted(name);
    }

    private static final String[] URL_INDEXES = {
        // Look-up by URL: fingerprint, then compare the text (several URLs may share a fingerprint).
        "CREATE INDEX IF NOT EXISTS urls_fp ON urls(fp)",
        // Each host's queue in FIFO order; only queued rows are in it, so it stays as small as the queue.
        "CREATE INDEX IF NOT EXISTS urls_queue ON urls(host_id, id) WHERE state = 0",
        // Rows an earlier version marked in flight (at most one per host): lets a reopen find them without a
        // table scan. Rows are no longer marked so; the index stays (and stays empty) for databases of that version.
        "CREATE INDEX IF NOT EXISTS urls_in_flight ON urls(host_id) WHERE state = 1",
    };

    private final Path file;
    private final Connection db;
    private final int commitEvery;
    private int uncommitted;

    private final PreparedStatement insertHost;
    private final PreparedStatement insertUrl;
    private final PreparedStatement insertDoneUrl;
    private final PreparedStatement readyBatch;
    private final PreparedStatement earliestNotBefore;
    private final PreparedStatement markDone;
    private final PreparedStatement queuedByUrl;
    private final PreparedStatement requeue;
    private final PreparedStatement setNextAllowed;
    private final PreparedStatement outcomeOf;
    /** Fingerprints looked up by one statement while inserting (a page's links are usually fewer). */
    static final int LOOKUP_CHUNK = 32;
    /** {@code SELECT url ... WHERE fp IN (...)} with 1, 2, 4, ... {@link #LOOKUP_CHUNK} parameters, made on first use. */
    private final PreparedStatement[] urlsByFp = new PreparedStatement[Integer.numberOfTrailingZeros(LOOKUP_CHUNK) + 1];

    private UrlStore(Path file, Connection db, int commitEvery) throws SQLException {
        this.file = file;
        this.db = db;
        this.commitEvery = commitEvery;
        insertHost = db.prepareStatement("INSERT INTO hosts(name, next_allowed) VALUES (?, 0)",
                Statement.RETURN_GENERATED_KEYS);
        insertUrl = db.prepareStatement(
                "INSERT INTO urls(fp, url, host_id, depth, via, discovery_path) VALUES (?, ?, ?, ?, ?, ?)");
        insertDoneUrl = db.prepareStatement("INSERT INTO urls(fp, url, host_id, depth, via, discovery_path, state,"
                + " outcome, done_at) VALUES (?, ?, ?, ?, ?, ?, 2, ?, ?)");
        readyBatch = db.prepareStatement(
                "SELECT id, url, depth, via, discovery_path, attempts FROM urls"
                        + " WHERE host_id = ? AND state = 0 AND not_before <= ? ORDER BY id LIMIT ?");
        earliestNotBefore = db.prepareStatement(
                "SELECT min(not_before) FROM urls WHERE host_id = ? AND state = 0");
        markDone = db.prepareStatement(
                "UPDATE urls SET state = 2, outcome = ?, done_at = ?, warc_file = ?, warc_offset = ?, record_id = ?"
                        + " WHERE id = ?");
        requeue = db.prepareStatement(
                "UPDATE urls SET state = 0, not_before = ?, attempts = attempts + ? WHERE id = ?");
        setNextAllowed = db.prepareStatement("UPDATE hosts SET next_allowed = ? WHERE id = ?");
        outcomeOf = db.prepareStatement("SELECT url, state, outcome FROM urls WHERE fp = ?");
        queuedByUrl = db.prepareStatement(
                "SELECT url, id, host_id, depth, via, discovery_path, attempts FROM urls WHERE fp = ? AND state = 0");
    }

    /** Creates or opens the database file (and its folder), in WAL mode with synchronous=NORMAL. */
    static UrlStore open(Path file, int commitEvery) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new FrontierException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.setCacheSize(-20_000); // KiB: about 20 MB of page cache, off the Java heap
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        Connection db = null;
        try {
            db = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                int version;
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version > SCHEMA_VERSION) {
                    closeQuietly(db);
                    throw new FrontierException(file + ": frontier schema version " + version
                            + " is newer than this program's (" + SCHEMA_VERSION + ")", null);
                }
                db.setAutoCommit(false);
                if (version == 1) {
                    migrateFromVersion1(db, s);
                }
                s.execute(HOSTS_TABLE);
                s.execute(urlsTable("urls"));
                for (String ddl : URL_INDEXES) {
                    s.execute(ddl);
                }
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                db.commit();
            }
            return new UrlStore(file, db, commitEvery);
        } catch (SQLException e) {
            closeQuietly(db);
            throw new FrontierException("cannot open the frontier database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Version 1 to 2, in the one transaction that {@link #open} commits: copies the URL table into one with the
     * fingerprint column (computed by a SQL function registered on this connection) and without the unique index
     * on the URL text, keeping every row's id and state.
     */
    private static void migrateFromVersion1(Connection db, Statement s) throws SQLException {
        Function.create(db, "quire_url_fp", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                result(UrlFingerprints.of(value_text(0)));
            }
        });
        s.execute(urlsTable("urls_v2"));
        s.execute("INSERT INTO urls_v2(id, fp, url, host_id, depth, via, discovery_path, state, attempts, not_before,"
                + " outcome, done_at, warc_file, warc_offset, record_id)"
                + " SELECT id, quire_url_fp(url), url, host_id, depth, via, discovery_path, state, attempts,"
                + " not_before, outcome, done_at, warc_file, warc_offset, record_id FROM urls ORDER BY id");
        s.execute("DROP TABLE urls");
        s.execute("ALTER TABLE urls_v2 RENAME TO urls");
        Function.destroy(db, "quire_url_fp");
    }

    /** One stored host. */
    record HostRow(long id, String name, long nextAllowed) {
    }

    List<HostRow> hosts() {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name, next_allowed FROM hosts")) {
            List<HostRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new HostRow(rs.getLong(1), rs.getString(2), rs.getLong(3)));
            }
            return rows;
        } catch (SQLException e) {
            throw failure("reading hosts", e);
        }
    }

    /**
     * Puts URLs a run of an earlier version marked in flight (state 1) back in their queues, without counting an
     * attempt. URLs in flight now stay queued in the database until they are done or re-queued.
     */
    int requeueAllInFlight() {
        try (Statement s = db.createStatement()) {
            int n = s.executeUpdate("UPDATE urls SET state = 0 WHERE state = 1");
            changed(n);
            return n;
        } catch (SQLException e) {
            throw failure("re-queueing URLs left in flight", e);
        }
    }

    /** Receives one host's count of queued URLs. */
    interface QueuedCount {
        void accept(long hostId, long queued);
    }

    /** Calls {@code sink} for every host with queued URLs. */
    void queuedByHost(QueuedCount sink) {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT host_id, count(*) FROM urls WHERE state = 0 GROUP BY host_id")) {
            while (rs.next()) {
                sink.accept(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw failure("counting queued URLs", e);
        }
    }

    long countAll() {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM urls")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("counting URLs", e);
        }
    }

    long insertHost(String name) {
        try {
            insertHost.setString(1, name);
            insertHost.executeUpdate();
            changed(1);
            try (ResultSet keys = insertHost.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("adding host " + name, e);
        }
    }

    /** What {@link #insertUrls} gives for a candidate it queued. */
    static final String QUEUED = "";

    /**
     * Inserts the candidates not seen before, in one batch: each one queued, or, when {@code refusal} names an
     * outcome for it, done with that outcome at {@code doneAt} (a URL that ends without a fetch).
     *
     * @return for each candidate: null when it was seen before (or earlier in this batch), {@link #QUEUED} when it
     *         was queued, else the outcome it was stored as done with
     */
    String[] insertUrls(List<Candidate> candidates, long[] hostIds, long[] fingerprints,
                        java.util.function.Function<Candidate, String> refusal, long doneAt) {
        try {
            Set<String> known = storedAmong(candidates, fingerprints);
            String[] stored = new String[candidates.size()];
            int queued = 0;
            int done = 0;
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                if (!known.add(c.url())) {
                    continue; // stored before, or earlier in this batch
                }
                String outcome;
                try {
                    outcome = refusal == null ? null : refusal.apply(c);
                    if (outcome != null && outcome.isEmpty()) {
                        outcome = null; // no outcome named: queued (and never confused with QUEUED below)
                    }
                } catch (RuntimeException e) {
                    insertUrl.clearBatch(); // nothing of this batch is stored
                    insertDoneUrl.clearBatch();
                    throw e;
                }
                PreparedStatement ps = outcome == null ? insertUrl : insertDoneUrl;
                ps.setLong(1, fingerprints[i]);
                ps.setString(2, c.url());
                ps.setLong(3, hostIds[i]);
                ps.setInt(4, c.depth());
                ps.setString(5, c.via());
                ps.setString(6, c.discoveryPath() == null ? "" : c.discoveryPath());
                if (outcome != null) {
                    ps.setString(7, outcome);
                    ps.setLong(8, doneAt);
                    done++;
                } else {
                    queued++;
                }
                ps.addBatch();
                stored[i] = outcome == null ? QUEUED : outcome;
            }
            if (queued > 0) {
                insertUrl.executeBatch();
            }
            if (done > 0) {
                insertDoneUrl.executeBatch();
            }
            int n = queued + done;
            changed(n);
            return stored;
        } catch (SQLException e) {
            throw failure("adding URLs", e);
        }
    }

    /**
     * The stored URLs whose fingerprints are among the candidates' (one statement per {@link #LOOKUP_CHUNK}
     * candidates): a candidate is stored when its text is in the set. Collisions are thus harmless: a stored URL
     * that merely shares a candidate's fingerprint is in the set too, but the candidate's text is not.
     */
    private Set<String> storedAmong(List<Candidate> candidates, long[] fingerprints) throws SQLException {
        Set<String> stored = new HashSet<>(candidates.size() * 2);
        for (int from = 0; from < fingerprints.length; from += LOOKUP_CHUNK) {
            int n = Math.min(LOOKUP_CHUNK, fingerprints.length - from);
            int slot = 32 - Integer.numberOfLeadingZeros(n - 1); // the smallest power of two >= n
            PreparedStatement ps = urlsByFp[slot];
            if (ps == null) {
                ps = db.prepareStatement("SELECT url FROM urls WHERE fp IN (?" + ", ?".repeat((1 << slot) - 1) + ")");
                urlsByFp[slot] = ps;
            }
            for (int k = 0; k < 1 << slot; k++) {
                // the padding repeats the chunk's first fingerprint, which changes nothing in an IN list
                ps.setLong(k + 1, fingerprints[k < n ? from + k : from]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1)); // a candidate's own URL, or one merely sharing its fingerprint
                }
            }
        }
        return stored;
    }

    /** Up to {@code limit} queued URLs of the host whose not-before time has come, oldest first. */
    List<CrawlUrl> readyBatch(long hostId, String hostKey, long now, int limit) {
        try {
            readyBatch.setLong(1, hostId);
            readyBatch.setLong(2, now);
            readyBatch.setInt(3, limit);
            List<CrawlUrl> batch = new ArrayList<>(limit);
            try (ResultSet rs = readyBatch.executeQuery()) {
                while (rs.next()) {
                    batch.add(new CrawlUrl(rs.getLong(1), rs.getString(2), hostKey, rs.getInt(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6)));
                }
            }
            return batch;
        } catch (SQLException e) {
            throw failure("reading the queue of " + hostKey, e);
        }
    }

    /** The earliest not-before time among the host's queued URLs, if it has any. */
    OptionalLong earliestNotBefore(long hostId) {
        try {
            earliestNotBefore.setLong(1, hostId);
            try (ResultSet rs = earliestNotBefore.executeQuery()) {
                if (rs.next()) {
                    long v = rs.getLong(1);
                    if (!rs.wasNull()) {
                        return OptionalLong.of(v);
                    }
                }
                return OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw failure("reading the queue of host " + hostId, e);
        }
    }

    void markDone(long urlId, String outcome, long doneAt, RecordLocation where) {
        try {
            markDone.setString(1, outcome);
            markDone.setLong(2, doneAt);
            if (where == null) {
                markDone.setNull(3, Types.VARCHAR);
                markDone.setNull(4, Types.BIGINT);
                markDone.setNull(5, Types.VARCHAR);
            } else {
                markDone.setString(3, where.warcFile());
                markDone.setLong(4, where.offset());
                markDone.setString(5, where.recordId());
            }
            markDone.setLong(6, urlId);
            markDone.executeUpdate();
            changed(1);
        } catch (SQLException e) {
            throw failure("marking URL " + urlId + " done", e);
        }
    }

    void requeue(long urlId, long notBefore, boolean countAsAttempt) {
        update(requeue, "re-queueing URL " + urlId, notBefore, countAsAttempt ? 1 : 0, urlId);
    }

    void setNextAllowed(long hostId, long nextAllowed) {
        update(setNextAllowed, "updating host " + hostId, nextAllowed, hostId);
    }

    /** A queued URL's row as a CrawlUrl (host key filled in by the caller's map) and its host id. */
    record QueuedRow(long id, long hostId, int depth, String via, String discoveryPath, int attempts) {
    }

    /**
     * The row of {@code url} if it is queued; empty when it is unknown or done. A URL in flight is still queued
     * here: the caller tells it by its host.
     */
    Optional<QueuedRow> queued(String url, long fp) {
        try {
            queuedByUrl.setLong(1, fp);
            try (ResultSet rs = queuedByUrl.executeQuery()) {
                while (rs.next()) {
                    if (url.equals(rs.getString(1))) {
                        return Optional.of(new QueuedRow(rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                                rs.getString(6), rs.getInt(7)));
                    }
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("looking up " + url, e);
        }
    }

    /** The outcome of a done URL; empty when the URL is unknown or not done. */
    Optional<String> outcome(String url, long fp) {
        try {
            outcomeOf.setLong(1, fp);
            try (ResultSet rs = outcomeOf.executeQuery()) {
                while (rs.next()) {
                    if (url.equals(rs.getString(1))) {
                        return rs.getInt(2) == UrlState.DONE.code ? Optional.ofNullable(rs.getString(3))
                                : Optional.empty();
                    }
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading the outcome of " + url, e);
        }
    }

    /** Commits when enough changes have piled up since the last commit. */
    void commitIfDue() {
        if (uncommitted >= commitEvery) {
            commit();
        }
    }

    boolean dirty() {
        return uncommitted > 0;
    }

    void commit() {
        try {
            db.commit();
            uncommitted = 0;
        } catch (SQLException e) {
            throw failure("committing", e);
        }
    }

    /** Commits and closes. */
    @Override
    public void close() {
        try {
            db.commit();
        } catch (SQLException e) {
            closeQuietly(db);
            throw failure("committing before close", e);
        }
        try {
            db.close();
        } catch (SQLException e) {
            throw failure("closing", e);
        }
    }

    /** Closes without committing: what a killed process leaves behind. For tests. */
    void abandon() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the point is to lose it
        }
        closeQuietly(db);
    }

    private void update(PreparedStatement ps, String what, long... args) {
        try {
            for (int i = 0; i < args.length; i++) {
                ps.setLong(i + 1, args[i]);
            }
            ps.executeUpdate();
            changed(1);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private void changed(int n) {
        uncommitted += n;
    }

    private FrontierException failure(String what, SQLException e) {
        return new FrontierException(file + ": " + what + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }
    }
}
