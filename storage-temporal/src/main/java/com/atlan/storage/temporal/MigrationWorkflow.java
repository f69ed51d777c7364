package com.atlan.storage.temporal;

import com.atlan.storage.migrate.MigrationSummary;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A migration spread over a Temporal cluster's workers: the prefix is cut into key ranges (shards) by a planning
 * activity, at most {@link MigrationRequest#maxParallelShards()} shard activities run at once, each runs the engine
 * on its range and heartbeats its checkpoint, and their summaries add up to one {@link MigrationSummary} whose counts
 * equal a single-machine run's. The workflow continues as new before its history grows past about 9,000 events.
 *
 * <p>It fails with an {@link io.temporal.failure.ApplicationFailure} of type {@link #MIGRATION_STOPPED}, whose details
 * are the summary so far, when a shard stops early (a listing that fails for good, an error that fails every object,
 * the failure budget) or the job's failure rate passes {@link ShardSettings#maxFailureRate()}.
 */
@WorkflowInterface
public interface MigrationWorkflow {

    /** The workflow type name. */
    String TYPE = "AtlanStorageMigration";

    /** The failure type of a migration that stopped early; its details are the summary so far. */
    String MIGRATION_STOPPED = "AtlanStorageMigrationStopped";

    /** Runs the migration to its end and returns its summary. */
    @WorkflowMethod(name = TYPE)
    MigrationSummary run(MigrationRequest request);

    /** Where the migration stands: finished shards' counts, shards running and waiting, planning. */
    @QueryMethod(name = "progress")
    MigrationProgress progress();
}
