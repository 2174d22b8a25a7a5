package org.quire.schedule;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the scheduler remembers across restarts, in a small SQLite file ({@code archive/schedule.db}): every run
 * (start, end, result, pages, job folder) and, per crawl, the last schedule slot it handled with the expression
 * it was computed from. A slot that passed while the daemon was down is found on the next tick by comparing it
 * with the last handled one. Thread-safe.
 */
public final class RunHistory implements AutoCloseable {

    /** The last slot handled for a crawl, and the schedule text it belonged to. */
    public record Slot(Instant at, String schedule) {
    }

    private final Path file;
    private final Connection db;

    private RunHistory(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    public static RunHistory open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(10_000);
        try {
            Connection db = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, crawl TEXT NOT NULL,"
                        + " started TEXT NOT NULL, duration_ms INTEGER, result TEXT NOT NULL, pages INTEGER NOT NULL,"
                        + " job TEXT)");
                s.execute("CREATE TABLE IF NOT EXISTS slots (crawl TEXT PRIMARY KEY, slot TEXT NOT NULL,"
                        + " schedule TEXT NOT NULL)");
            }
            return new RunHistory(file, db);
        } catch (SQLException e) {
            throw new IOException(file + ": cannot open the run history: " + e.getMessage(), e);
        }
    }

    public synchronized Optional<Slot> lastSlot(String crawl) throws IOException {
        try (PreparedStatement ps = db.prepareStatement("SELECT slot, schedule FROM slots WHERE crawl = ?")) {
            ps.setString(1, crawl);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Slot(Instant.parse(rs.getString(1)), rs.getString(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public synchronized void setLastSlot(String crawl, Slot slot) throws IOException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT OR REPLACE INTO slots (crawl, slot, schedule) VALUES (?, ?, ?)")) {
            ps.setString(1, crawl);
            ps.setString(2, slot.at().toString());
            ps.setString(3, slot.schedule());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Records the start of a run; returns its id for {@link #finished}. */
    public synchronized long started(String crawl, Instant at) throws IOException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO runs (crawl, started, result, pages) VALUES (?, ?, 'running', 0)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, crawl);
            ps.setString(2, at.toString());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public synchronized void finished(long id, Duration duration, String result, long pages, String job)
            throws IOException {
        try (PreparedStatement ps = db.prepareStatement(
                "UPDATE runs SET duration_ms = ?, result = ?, pages = ?, job = ? WHERE id = ?")) {
            ps.setLong(1, duration.toMillis());
            ps.setString(2, result);
            ps.setLong(3, pages);
            ps.setString(4, job);
            ps.setLong(5, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The most recent run of {@code crawl}, if any. */
    public synchronized Optional<RunRecord> lastRun(String crawl) throws IOException {
        try (PreparedStatement ps = db.prepareStatement("SELECT started, duration_ms, result, pages, job FROM runs"
                + " WHERE crawl = ? ORDER BY id DESC LIMIT 1")) {
            ps.setString(1, crawl);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long ms = rs.getLong(2);
                Duration d = rs.wasNull() ? null : Duration.ofMillis(ms);
                return Optional.of(new RunRecord(crawl, Instant.parse(rs.getString(1)), d, rs.getString(3),
                        rs.getLong(4), rs.getString(5)));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private IOException failure(SQLException e) {
        return new IOException(file + ": run history: " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }
}
