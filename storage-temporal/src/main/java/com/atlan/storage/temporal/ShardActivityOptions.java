package com.atlan.storage.temporal;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * How the workflow calls its activities: heartbeat timeout from the request (a lost worker's shard is retried after
 * it), retries with backoff except for a store missing from the worker's configuration, and cancellation that waits
 * until the activity has stopped its migration.
 */
final class ShardActivityOptions {

    private ShardActivityOptions() {}

    /** Planning: one keys-only listing page, bounded to 2 hours. */
    static ActivityOptions planning(MigrationRequest request) {
        return of(request, Duration.ofHours(2));
    }

    /** One shard: bounded to 24 hours per attempt. */
    static ActivityOptions shard(MigrationRequest request) {
        return of(request, Duration.ofHours(24));
    }

    private static ActivityOptions of(MigrationRequest request, Duration startToClose) {
        return ActivityOptions.newBuilder()
                .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
                .setStartToCloseTimeout(startToClose)
                .setHeartbeatTimeout(request.heartbeatTimeout())
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setBackoffCoefficient(2)
                        .setMaximumInterval(Duration.ofMinutes(1))
                        .setMaximumAttempts(10)
                        .setDoNotRetry(MigrationActivities.CONFIGURATION)
                        .build())
                .build();
    }
}
