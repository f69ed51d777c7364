package com.atlan.storage.accounting;

import java.time.Duration;
import java.time.Instant;

/**
 * How one object ended in a run: what the plan decided and why, what happened, and what it cost. One event per
 * object booked out of the {@link RunLedger}, sent to {@link ProgressListener#onObject}.
 *
 * @param key      the object key
 * @param size     the object's size as listed
 * @param reason   why the plan copies or skips it
 * @param outcome  how it ended
 * @param bytes    bytes the destination received for it (its size when copied, else 0)
 * @param attempts transfer attempts made (0 when no transfer was started)
 * @param duration time from the start of its transfer to its end (zero when none started)
 * @param error    why it failed, or {@code null}
 * @param time     when it ended
 */
public record ObjectEvent(
        String key,
        long size,
        PlanReason reason,
        ObjectOutcome outcome,
        long bytes,
        int attempts,
        Duration duration,
        String error,
        Instant time) {

    /** What the plan decided. */
    public enum Action {
        /** Copy it to the destination. */
        COPY,
        /** Leave it: the destination holds it already. */
        SKIP
    }

    /** The plan's decision: skip for objects found identical, copy for the rest. */
    public Action action() {
        return outcome == ObjectOutcome.IDENTICAL ? Action.SKIP : Action.COPY;
    }

    /** Whether a transfer was started for it. */
    public boolean transferred() {
        return attempts > 0;
    }
}
