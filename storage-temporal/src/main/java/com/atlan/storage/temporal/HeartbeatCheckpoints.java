package com.atlan.storage.temporal;

import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.state.CheckpointStore;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shard's checkpoints kept in memory for its heartbeats: seeded with the checkpoint of the last heartbeat of an
 * earlier attempt, so the engine resumes from it, and holding the newest checkpoint the engine saved, which the
 * heartbeat carries to the server.
 *
 * <p>Heartbeat details must stay small. A checkpoint over {@code maxBytes} (many keys finished behind one slow object,
 * or many long failures) is not taken: the previous one, still a true state of the shard, stays the one reported, and
 * a retry resumes from it and meets the objects finished since as already identical.
 */
final class HeartbeatCheckpoints implements CheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatCheckpoints.class);

    private final int maxBytes;
    private volatile Checkpoint latest;
    private boolean tooLargeLogged;

    HeartbeatCheckpoints(Checkpoint seed, int maxBytes) {
        this.latest = seed;
        this.maxBytes = maxBytes;
    }

    /** The newest checkpoint small enough to report, or {@code null}. */
    Checkpoint latest() {
        return latest;
    }

    @Override
    public Optional<Checkpoint> load(String jobId) {
        Checkpoint c = latest;
        return c != null && c.jobId().equals(jobId) ? Optional.of(c) : Optional.empty();
    }

    @Override
    public void save(Checkpoint checkpoint) {
        int size = estimatedSize(checkpoint);
        if (size <= maxBytes) {
            latest = checkpoint;
            return;
        }
        synchronized (this) {
            if (!tooLargeLogged) {
                tooLargeLogged = true;
                LOG.info(
                        "shard {}: a checkpoint of about {} bytes is over the {} bytes a heartbeat carries; the last"
                                + " smaller one is reported until the shard catches up",
                        checkpoint.jobId(),
                        size,
                        maxBytes);
            }
        }
    }

    @Override
    public boolean delete(String jobId) {
        boolean had = load(jobId).isPresent();
        latest = null;
        return had;
    }

    /** About the size of the checkpoint as JSON: its keys and errors dominate. */
    static int estimatedSize(Checkpoint c) {
        long size = 512L + length(c.watermark()) + length(c.prefix());
        for (String key : c.doneAboveWatermark()) {
            size += key.length() + 4;
        }
        for (Map.Entry<String, String> failure : c.failures().entrySet()) {
            size += failure.getKey().length() + failure.getValue().length() + 8;
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
