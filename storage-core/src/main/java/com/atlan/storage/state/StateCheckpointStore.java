package com.atlan.storage.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.Optional;

/**
 * Checkpoints as JSON documents in a {@link StateBackend}, one per job at {@link StateKeys#checkpoint}. Each save
 * is one write of the whole document, so a reader sees the previous checkpoint or the new one, never a mix. The
 * job's lock ({@link JobLock}) keeps a second run from writing the same checkpoint.
 */
public final class StateCheckpointStore implements CheckpointStore {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final StateBackend backend;
    private final String application;

    /** Checkpoints of {@code application}'s jobs in {@code backend}; closing this leaves the backend open. */
    public StateCheckpointStore(StateBackend backend, String application) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.application = StateKeys.requireSegment(application, "application name");
    }

    /** The application whose jobs these are. */
    public String application() {
        return application;
    }

    /** The store the checkpoints live in. */
    public StateBackend backend() {
        return backend;
    }

    @Override
    public Optional<Checkpoint> load(String jobId) {
        String key = key(jobId);
        try {
            Optional<StateEntry> entry = backend.get(key);
            return entry.isEmpty()
                    ? Optional.empty()
                    : Optional.of(JSON.readValue(entry.get().value(), Checkpoint.class));
        } catch (StateStoreException | JsonProcessingException e) {
            throw new CheckpointStoreException(
                    "cannot read the checkpoint of job '" + jobId + "' from " + backend.describe() + ": " + message(e),
                    e);
        }
    }

    @Override
    public void save(Checkpoint checkpoint) {
        String key = key(checkpoint.jobId());
        try {
            backend.put(key, JSON.writeValueAsString(checkpoint), Condition.always());
        } catch (StateStoreException | JsonProcessingException e) {
            throw new CheckpointStoreException(
                    "cannot save the checkpoint of job '" + checkpoint.jobId() + "' to " + backend.describe() + ": "
                            + message(e),
                    e);
        }
    }

    @Override
    public boolean delete(String jobId) {
        try {
            return backend.delete(key(jobId), Condition.always());
        } catch (StateStoreException e) {
            throw new CheckpointStoreException(
                    "cannot delete the checkpoint of job '" + jobId + "' from " + backend.describe(), e);
        }
    }

    private String key(String jobId) {
        try {
            return StateKeys.checkpoint(application, jobId);
        } catch (IllegalArgumentException e) {
            throw new CheckpointStoreException(e.getMessage(), e);
        }
    }

    private static String message(Exception e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    @Override
    public String toString() {
        return "StateCheckpointStore[" + backend.describe() + "]";
    }
}
