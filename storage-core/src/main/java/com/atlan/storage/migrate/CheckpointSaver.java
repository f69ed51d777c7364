package com.atlan.storage.migrate;

import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.state.CheckpointStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a job's checkpoint periodically on a daemon thread, at once when asked ({@link #saveSoon}, on cancel), and
 * once more at the end. A failed save, whatever it throws, is logged and tried again at the next tick (the final
 * save a few times): losing a checkpoint costs re-listing, never correctness, so it never fails the run, and a
 * failure never silences the saves after it.
 */
final class CheckpointSaver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSaver.class);
    private static final int FINAL_ATTEMPTS = 3;
    private static final Duration FINAL_RETRY_WAIT = Duration.ofMillis(200);

    private final CheckpointStore store;
    private final Supplier<Checkpoint> current;
    private final PeriodicTask timer;
    private final AtomicLong failures = new AtomicLong();

    CheckpointSaver(CheckpointStore store, Duration interval, Supplier<Checkpoint> current) {
        this.store = store;
        this.current = current;
        Duration every = Duration.ofMillis(Math.max(1, interval.toMillis()));
        this.timer = PeriodicTask.start("atlan-checkpoint", every, every, this::saveCurrent);
    }

    /** Saves the current checkpoint on the saver's thread as soon as it can. */
    void saveSoon() {
        timer.runSoon(); // once finishing, the final save follows instead
    }

    /** Stops the periodic saves and saves {@code last}'s checkpoint, trying a few times; returns whether it saved. */
    boolean finish(Supplier<Checkpoint> last) {
        close();
        boolean interrupted = Thread.interrupted(); // a cancelled run still saves its last checkpoint
        try {
            for (int attempt = 1; attempt <= FINAL_ATTEMPTS; attempt++) {
                if (save(last)) {
                    return true;
                }
                if (attempt < FINAL_ATTEMPTS) {
                    sleepQuietly(FINAL_RETRY_WAIT.multipliedBy(attempt));
                }
            }
            LOG.error("the final checkpoint could not be saved; a --resume would start from an earlier one");
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Saves that failed so far. */
    long failures() {
        return failures.get();
    }

    private void saveCurrent() {
        save(current);
    }

    private boolean save(Supplier<Checkpoint> checkpoint) {
        try {
            Checkpoint c = checkpoint.get();
            store.save(c);
            LOG.debug(
                    "checkpoint of job '{}': watermark '{}', {} done above, {} finished{}",
                    c.jobId(),
                    c.watermark(),
                    c.doneAboveWatermark().size(),
                    c.totalFiles(),
                    c.complete() ? ", complete" : "");
            return true;
        } catch (Throwable e) {
            long n = failures.incrementAndGet();
            LOG.warn("could not save the checkpoint (failure {}); trying again: {}", n, e.toString());
            return false;
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        timer.close();
    }
}
