package com.atlan.storage.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints in a SQLite file: one row per job in the table {@value #TABLE}, the checkpoint as JSON.
 * The file is opened in WAL mode, so a save is one atomic upsert that survives a crash of this process,
 * and readers never wait for it.
 */
public final class SqliteCheckpointStore implements CheckpointStore {

    /** The table holding the checkpoints. */
    public static final String TABLE = "atlan_migration_checkpoints";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteCheckpointStore.class);
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;
    private final Connection connection;

    private SqliteCheckpointStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating when needed) the SQLite file and its table.
     *
     * @throws CheckpointStoreException when the file cannot be opened or is not a SQLite database
     */
    public static SqliteCheckpointStore open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + absolute);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (job_id TEXT PRIMARY KEY NOT NULL,"
                        + " checkpoint TEXT NOT NULL, complete INTEGER NOT NULL, updated_at_ms INTEGER NOT NULL)");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            LOG.debug("checkpoints in {}", absolute);
            return new SqliteCheckpointStore(absolute, c);
        } catch (SQLException | IOException e) {
            throw new CheckpointStoreException(
                    "cannot open the checkpoint database " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<Checkpoint> load(String jobId) {
        try (PreparedStatement s =
                connection.prepareStatement("SELECT checkpoint FROM " + TABLE + " WHERE job_id = ?")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(JSON.readValue(r.getString(1), Checkpoint.class)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new CheckpointStoreException(
                    "cannot read the checkpoint of job '" + jobId + "' from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void save(Checkpoint checkpoint) {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO " + TABLE
                        + " (job_id, checkpoint, complete, updated_at_ms) VALUES (?, ?, ?, ?) ON CONFLICT(job_id) DO UPDATE SET"
                        + " checkpoint = excluded.checkpoint, complete = excluded.complete, updated_at_ms = excluded.updated_at_ms")) {
            s.setString(1, checkpoint.jobId());
            s.setString(2, JSON.writeValueAsString(checkpoint));
            s.setInt(3, checkpoint.complete() ? 1 : 0);
            s.setLong(4, checkpoint.updatedAtMs());
            s.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new CheckpointStoreException(
                    "cannot save the checkpoint of job '" + checkpoint.jobId() + "' to " + file + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public synchronized boolean delete(String jobId) {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE job_id = ?")) {
            s.setString(1, jobId);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new CheckpointStoreException(
                    "cannot delete the checkpoint of job '" + jobId + "' from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing {} failed", file, e);
        }
    }

    @Override
    public String toString() {
        return "SqliteCheckpointStore[" + file + "]";
    }
}
