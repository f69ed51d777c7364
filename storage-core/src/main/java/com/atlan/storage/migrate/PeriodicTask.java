package com.atlan.storage.migrate;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task periodically (with a fixed delay between the end of one run and the start of the next) on a daemon
 * platform thread of its own, so the work it watches (transfers, listings, full connection pools) never delays it:
 * checkpoint saves, activity heartbeats. The task handles its own failures; one that throws is not run again.
 */
public final class PeriodicTask implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private final Runnable task;

    private PeriodicTask(String threadName, Runnable task) {
        this.task = task;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name(threadName).daemon(true).unstarted(r));
    }

    /**
     * Starts running {@code task} on a thread named {@code threadName}, first after {@code initialDelay}, then every
     * {@code interval} (at least a millisecond) after the previous run ends.
     */
    public static PeriodicTask start(String threadName, Duration initialDelay, Duration interval, Runnable task) {
        PeriodicTask periodic = new PeriodicTask(threadName, task);
        var unused = periodic.timer.scheduleWithFixedDelay(
                task, initialDelay.toMillis(), Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
        return periodic;
    }

    /** Runs the task once more on its thread as soon as it is free; nothing once {@link #close closed}. */
    public void runSoon() {
        try {
            var unused = timer.submit(task);
        } catch (RejectedExecutionException e) {
            // closed already: whoever closed it does what follows
        }
    }

    /** Stops the runs, interrupting one in progress, and waits a few seconds for it to end. */
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
