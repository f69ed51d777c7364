package com.atlan.storage.temporal;

import com.atlan.storage.listing.KeyRange;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.retry.RetryPolicy;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * How each shard runs the engine: the {@link MigrationOptions} that travel from the workflow to its activities (a
 * listener or a checkpoint store cannot travel; each worker supplies its own).
 *
 * @param concurrency    transfers in flight at once within one shard
 * @param maxAttempts    attempts per object for transient errors
 * @param maxFailureRate stop once this share of a shard's (and of the job's) finished objects failed; 1.0 never
 * @param serverSideCopy let the destination copy from the source when it can
 * @param skipUnchanged  skip objects the destination already holds with the same content
 * @param dryRun         list and plan only
 */
public record ShardSettings(
        @JsonProperty("concurrency") int concurrency,
        @JsonProperty("max_attempts") int maxAttempts,
        @JsonProperty("max_failure_rate") double maxFailureRate,
        @JsonProperty("server_side_copy") boolean serverSideCopy,
        @JsonProperty("skip_unchanged") boolean skipUnchanged,
        @JsonProperty("dry_run") boolean dryRun) {

    /** The engine's defaults. */
    public static final ShardSettings DEFAULTS = of(MigrationOptions.defaults());

    public ShardSettings {
        // Validated by MigrationOptions, so a bad value fails when the request is built, not on a worker.
        var unused = builder(concurrency, maxAttempts, maxFailureRate, serverSideCopy, skipUnchanged, dryRun)
                .build();
    }

    /** The settings of {@code options} that travel to workers. */
    public static ShardSettings of(MigrationOptions options) {
        return new ShardSettings(
                options.concurrency(),
                options.retry().maxAttempts(),
                options.maxFailureRate(),
                options.serverSideCopy(),
                options.skipUnchanged(),
                options.dryRun());
    }

    /** The engine options of one shard over {@code range}, checkpointed as job {@code jobId} every {@code every}. */
    MigrationOptions options(KeyRange range, String jobId, Duration every) {
        return builder(concurrency, maxAttempts, maxFailureRate, serverSideCopy, skipUnchanged, dryRun)
                .jobId(jobId)
                .checkpointInterval(every)
                .keyRange(range)
                .build();
    }

    // Static and from parameters: the compact constructor validates through it before the fields are set.
    private static MigrationOptions.Builder builder(
            int concurrency,
            int maxAttempts,
            double maxFailureRate,
            boolean serverSideCopy,
            boolean skipUnchanged,
            boolean dryRun) {
        RetryPolicy retry =
                new RetryPolicy(maxAttempts, RetryPolicy.DEFAULT.initialBackoff(), RetryPolicy.DEFAULT.maxBackoff());
        return MigrationOptions.builder()
                .concurrency(concurrency)
                .retry(retry)
                .maxFailureRate(maxFailureRate)
                .serverSideCopy(serverSideCopy)
                .skipUnchanged(skipUnchanged)
                .dryRun(dryRun);
    }
}
