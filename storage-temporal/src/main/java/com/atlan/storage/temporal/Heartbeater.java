package com.atlan.storage.temporal;

import com.atlan.storage.migrate.PeriodicTask;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats an activity from a platform thread of its own, so transfers, listings and full connection pools never
 * delay a heartbeat: every third of the heartbeat timeout (as the SDK's {@code auto_heartbeater}), or every
 * {@value #DEFAULT_INTERVAL_SECONDS} s when the activity has none (heartbeats still deliver cancellation). When the
 * server answers that the activity was cancelled, timed out or its worker is shutting down, {@code onCancel} runs
 * once and {@link #cancellation()} holds the exception the activity must end with.
 */
final class Heartbeater implements AutoCloseable {

    static final long DEFAULT_INTERVAL_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeater.class);

    private final ActivityExecutionContext context;
    private final Supplier<?> details;
    private final Runnable onCancel;
    private PeriodicTask timer;
    private volatile ActivityCompletionException cancellation;

    private Heartbeater(ActivityExecutionContext context, Supplier<?> details, Runnable onCancel) {
        this.context = context;
        this.details = details;
        this.onCancel = onCancel;
    }

    /** Starts heartbeating {@code details} for the activity of {@code context}. */
    static Heartbeater start(ActivityExecutionContext context, Supplier<?> details, Runnable onCancel) {
        Heartbeater heartbeater = new Heartbeater(context, details, onCancel);
        heartbeater.timer = PeriodicTask.start(
                "atlan-heartbeat-" + context.getInfo().getActivityId(),
                Duration.ZERO,
                interval(context.getInfo().getHeartbeatTimeout()),
                heartbeater::beat);
        return heartbeater;
    }

    /** A third of {@code heartbeatTimeout}, or the default when there is none. */
    static Duration interval(Duration heartbeatTimeout) {
        if (heartbeatTimeout == null || heartbeatTimeout.isZero() || heartbeatTimeout.isNegative()) {
            return Duration.ofSeconds(DEFAULT_INTERVAL_SECONDS);
        }
        return Duration.ofMillis(Math.max(100, heartbeatTimeout.toMillis() / 3));
    }

    /** Why the activity must stop (cancelled, timed out, worker shutting down), or {@code null}. */
    ActivityCompletionException cancellation() {
        return cancellation;
    }

    private void beat() {
        if (cancellation != null) {
            return;
        }
        try {
            context.heartbeat(details.get());
        } catch (ActivityCompletionException e) {
            cancellation = e;
            LOG.info("activity {} must stop: {}", context.getInfo().getActivityId(), e.toString());
            onCancel.run();
        } catch (RuntimeException e) {
            LOG.warn("heartbeat of activity {} failed: {}", context.getInfo().getActivityId(), e.toString());
        }
    }

    /** Stops heartbeating; the activity's result or failure reports it from here on. */
    @Override
    public void close() {
        timer.close();
    }
}
