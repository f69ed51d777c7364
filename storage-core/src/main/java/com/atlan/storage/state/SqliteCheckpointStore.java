package com.atlan.storage.state;

import com.atlan.storage.state.sqlite.SqliteStateBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Checkpoints in a SQLite state store file (the embedded default's {@code ./local/dapr/statestore.db}): a
 * {@link StateCheckpointStore} over a {@link SqliteStateBackend} it owns, for callers that name a file directly.
 */
public final class SqliteCheckpointStore implements CheckpointStore {

    private final SqliteStateBackend backend;
    private final StateCheckpointStore checkpoints;

    private SqliteCheckpointStore(SqliteStateBackend backend) {
        this.backend = backend;
        this.checkpoints = new StateCheckpointStore(backend, StateKeys.DEFAULT_APPLICATION);
    }

    /**
     * Opens (creating when needed) the SQLite file and its state table.
     *
     * @throws CheckpointStoreException when the file cannot be opened or is not a SQLite database
     */
    public static SqliteCheckpointStore open(Path file) {
        try {
            return new SqliteCheckpointStore(SqliteStateBackend.open(
                    "checkpoints", file, SqliteStateBackend.DEFAULT_TABLE, Duration.ofSeconds(20)));
        } catch (StateStoreException e) {
            throw new CheckpointStoreException(e.getMessage(), e);
        }
    }

    /** The database file. */
    public Path file() {
        return backend.file().orElseThrow();
    }

    @Override
    public Optional<Checkpoint> load(String jobId) {
        return checkpoints.load(jobId);
    }

    @Override
    public void save(Checkpoint checkpoint) {
        checkpoints.save(checkpoint);
    }

    @Override
    public boolean delete(String jobId) {
        return checkpoints.delete(jobId);
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public String toString() {
        return "SqliteCheckpointStore[" + file() + "]";
    }
}
