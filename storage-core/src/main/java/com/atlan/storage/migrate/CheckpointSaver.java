package com.atlan.storage.migrate;

import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.state.CheckpointStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a job's checkpoint periodically on a daemon thread, and once more at the end. A failed save is
 * logged and retried at the next tick: losing a checkpoint costs re-listing, never correctness.
 */
final class CheckpointSaver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSaver.class);

    private final CheckpointStore store;
    private final ScheduledExecutorService timer;

    CheckpointSaver(CheckpointStore store, Duration interval, Supplier<Checkpoint> current) {
        this.store = store;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("atlan-checkpoint").daemon(true).unstarted(r));
        long ms = Math.max(1, interval.toMillis());
        var unused = timer.scheduleWithFixedDelay(() -> save(current.get()), ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Stops the periodic saves and saves {@code last}. */
    void finish(Checkpoint last) {
        close();
        save(last);
    }

    private void save(Checkpoint checkpoint) {
        try {
            store.save(checkpoint);
            LOG.debug(
                    "checkpoint of job '{}': watermark '{}', {} done above, {} finished{}",
                    checkpoint.jobId(),
                    checkpoint.watermark(),
                    checkpoint.doneAboveWatermark().size(),
                    checkpoint.totalFiles(),
                    checkpoint.complete() ? ", complete" : "");
        } catch (RuntimeException e) {
            LOG.warn("could not save the checkpoint of job '{}': {}", checkpoint.jobId(), e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
