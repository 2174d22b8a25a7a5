package org.quire.frontier;

import org.quire.archive.RecordLocation;
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
import java.util.List;
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

    /** Schema version kept in {@code PRAGMA user_version}. */
    static final int SCHEMA_VERSION = 1;

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS hosts (
          id           INTEGER PRIMARY KEY,
          name         TEXT    NOT NULL UNIQUE,
          next_allowed INTEGER NOT NULL DEFAULT 0
        )""",
        """
        CREATE TABLE IF NOT EXISTS urls (
          id             INTEGER PRIMARY KEY,
          url            TEXT    NOT NULL UNIQUE,
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
        )""",
        // Each host's queue in FIFO order; only queued rows are in it, so it stays as small as the queue.
        "CREATE INDEX IF NOT EXISTS urls_queue ON urls(host_id, id) WHERE state = 0",
        // At most one row per host: lets a reopen find what was in flight without a table scan.
        "CREATE INDEX IF NOT EXISTS urls_in_flight ON urls(host_id) WHERE state = 1",
    };

    private final Path file;
    private final Connection db;
    private final int commitEvery;
    private int uncommitted;

    private final PreparedStatement insertHost;
    private final PreparedStatement insertUrl;
    private final PreparedStatement readyBatch;
    private final PreparedStatement earliestNotBefore;
    private final PreparedStatement markInFlight;
    private final PreparedStatement markDone;
    private final PreparedStatement queuedByUrl;
    private final PreparedStatement requeue;
    private final PreparedStatement setNextAllowed;
    private final PreparedStatement outcomeOf;

    private UrlStore(Path file, Connection db, int commitEvery) throws SQLException {
        this.file = file;
        this.db = db;
        this.commitEvery = commitEvery;
        insertHost = db.prepareStatement("INSERT INTO hosts(name, next_allowed) VALUES (?, 0)",
                Statement.RETURN_GENERATED_KEYS);
        insertUrl = db.prepareStatement(
                "INSERT OR IGNORE INTO urls(url, host_id, depth, via, discovery_path) VALUES (?, ?, ?, ?, ?)");
        readyBatch = db.prepareStatement(
                "SELECT id, url, depth, via, discovery_path, attempts FROM urls"
                        + " WHERE host_id = ? AND state = 0 AND not_before <= ? ORDER BY id LIMIT ?");
        earliestNotBefore = db.prepareStatement(
                "SELECT min(not_before) FROM urls WHERE host_id = ? AND state = 0");
        markInFlight = db.prepareStatement("UPDATE urls SET state = 1 WHERE id = ?");
        markDone = db.prepareStatement(
                "UPDATE urls SET state = 2, outcome = ?, done_at = ?, warc_file = ?, warc_offset = ?, record_id = ?"
                        + " WHERE id = ?");
        requeue = db.prepareStatement(
                "UPDATE urls SET state = 0, not_before = ?, attempts = attempts + ? WHERE id = ?");
        setNextAllowed = db.prepareStatement("UPDATE hosts SET next_allowed = ? WHERE id = ?");
        outcomeOf = db.prepareStatement("SELECT state, outcome FROM urls WHERE url = ?");
        queuedByUrl = db.prepareStatement(
                "SELECT id, host_id, depth, via, discovery_path, attempts FROM urls WHERE url = ? AND state = 0");
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
                    throw new FrontierException(file + ": frontier schema version " + version
                            + " is newer than this program's (" + SCHEMA_VERSION + ")", null);
                }
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            db.setAutoCommit(false);
            return new UrlStore(file, db, commitEvery);
        } catch (SQLException e) {
            closeQuietly(db);
            throw new FrontierException("cannot open the frontier database " + file + ": " + e.getMessage(), e);
        }
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

    /** Puts URLs left in flight by a previous run back in their queues, without counting an attempt. */
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

    /**
     * Inserts the candidates not seen before, in one batch.
     *
     * @return for each candidate, whether it was new
     */
    boolean[] insertUrls(List<Candidate> candidates, long[] hostIds) {
        try {
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                insertUrl.setString(1, c.url());
                insertUrl.setLong(2, hostIds[i]);
                insertUrl.setInt(3, c.depth());
                insertUrl.setString(4, c.via());
                insertUrl.setString(5, c.discoveryPath() == null ? "" : c.discoveryPath());
                insertUrl.addBatch();
            }
            int[] counts = insertUrl.executeBatch();
            boolean[] inserted = new boolean[counts.length];
            int n = 0;
            for (int i = 0; i < counts.length; i++) {
                inserted[i] = counts[i] > 0;
                n += inserted[i] ? 1 : 0;
            }
            changed(n);
            return inserted;
        } catch (SQLException e) {
            throw failure("adding URLs", e);
        }
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

    void markInFlight(long urlId) {
        update(markInFlight, "marking URL " + urlId + " in flight", urlId);
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

    /** The row of {@code url} if it is queued; empty when it is unknown, in flight or done. */
    Optional<QueuedRow> queued(String url) {
        try {
            queuedByUrl.setString(1, url);
            try (ResultSet rs = queuedByUrl.executeQuery()) {
                if (rs.next()) {
                    return Optional.of(new QueuedRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6)));
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("looking up " + url, e);
        }
    }

    /** The outcome of a done URL; empty when the URL is unknown or not done. */
    Optional<String> outcome(String url) {
        try {
            outcomeOf.setString(1, url);
            try (ResultSet rs = outcomeOf.executeQuery()) {
                if (rs.next() && rs.getInt(1) == UrlState.DONE.code) {
                    return Optional.ofNullable(rs.getString(2));
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
