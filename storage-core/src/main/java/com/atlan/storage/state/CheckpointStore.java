package com.atlan.storage.state;

import java.util.Optional;

/**
 * Saves and loads migration {@link Checkpoint}s by job id. Implementations must be safe for use by
 * several threads and make each {@link #save} atomic: a reader sees the previous checkpoint or the new
 * one, never a mix, even when the process dies mid-write.
 */
public interface CheckpointStore extends AutoCloseable {

    /** The last checkpoint saved for {@code jobId}, or empty when there is none. */
    Optional<Checkpoint> load(String jobId);

    /** Replaces the checkpoint of {@code checkpoint.jobId()}. */
    void save(Checkpoint checkpoint);

    /** Forgets a job; {@code true} when it had a checkpoint. */
    boolean delete(String jobId);

    /** Releases connections. */
    @Override
    default void close() {}
}
