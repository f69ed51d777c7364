package com.atlan.storage.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The activities of a {@link MigrationWorkflow}: planning shards and migrating one shard. */
@ActivityInterface
public interface MigrationActivities {

    /** The failure type of a shard that stopped early; its details are the shard's partial {@link ShardResult}. */
    String SHARD_STOPPED = "AtlanStorageShardStopped";

    /** The failure type of a store that is missing or misconfigured on the worker. */
    String CONFIGURATION = "AtlanStorageConfiguration";

    /** The activity type of {@link #migrateShard}, as pending activities and histories name it. */
    String MIGRATE_SHARD = "AtlanStorageMigrateShard";

    /** The next page of shards: key ranges of about the requested size, from one keys-only listing of the source. */
    @ActivityMethod(name = "AtlanStoragePlanShards")
    ShardPlan planShards(PlanRequest request);

    /**
     * Migrates one shard's key range, heartbeating its checkpoint; a retry resumes from the last heartbeat's
     * checkpoint. Per-object failures are in the result; a shard that stops early (listing failed for good, an error
     * that fails every object, its failure budget) fails with type {@link #SHARD_STOPPED}.
     */
    @ActivityMethod(name = MIGRATE_SHARD)
    ShardResult migrateShard(Shard shard);
}
