package com.atlan.storage.cli;

import com.atlan.storage.temporal.MigrationRequest;
import picocli.CommandLine.Option;

/** How {@code migrate --temporal} names its workflow and cuts the work into shards. */
final class ShardingOptions {

    @Option(
            names = "--workflow-id",
            paramLabel = "ID",
            description = "With --temporal: the workflow's id (default: atlan-storage- and the job id). A workflow"
                    + " with this id still running is attached to, not started twice.")
    String workflowId;

    @Option(
            names = "--objects-per-shard",
            paramLabel = "N",
            defaultValue = "" + MigrationRequest.DEFAULT_OBJECTS_PER_SHARD,
            description = "With --temporal: objects per shard, the unit of work a worker takes"
                    + " (default: ${DEFAULT-VALUE}).")
    long objectsPerShard;

    @Option(
            names = "--max-parallel-shards",
            paramLabel = "N",
            defaultValue = "" + MigrationRequest.DEFAULT_PARALLEL_SHARDS,
            description = "With --temporal: shards running at once over all workers (default: ${DEFAULT-VALUE},"
                    + " at most " + MigrationRequest.MAX_PARALLEL_SHARDS + ").")
    int maxParallelShards;
}
