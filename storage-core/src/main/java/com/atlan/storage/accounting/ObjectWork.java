package com.atlan.storage.accounting;

import java.time.Duration;

/**
 * What an object's plan said and what its transfer cost, as its {@link ObjectEvent} reports them.
 *
 * @param reason   why the plan copies or skips it
 * @param attempts transfer attempts made (0 when none started)
 * @param duration time from the start of its transfer to its end
 */
public record ObjectWork(PlanReason reason, int attempts, Duration duration) {

    /** Nothing known: no plan reason, no transfer. */
    public static final ObjectWork NONE = new ObjectWork(PlanReason.UNKNOWN, 0, Duration.ZERO);

    /** An object that ended by its plan alone (skipped, or a dry run's copy), for {@code reason}. */
    public static ObjectWork planned(PlanReason reason) {
        return new ObjectWork(reason, 0, Duration.ZERO);
    }
}
