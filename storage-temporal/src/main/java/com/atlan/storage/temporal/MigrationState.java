package com.atlan.storage.temporal;

import com.atlan.storage.accounting.FailureRecord;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a {@link MigrationWorkflow} carries from one run to the next when it continues as new: where planning
 * stands, the shards planned but not started, and the merged results so far. Its size is bounded: at most a page
 * or two of planned ranges, 1,000 failures and 100 failure file names.
 *
 * @param source         the resolved source store name
 * @param destination    the resolved destination store name
 * @param jobId          the job's id; shard {@code i} is job {@code jobId-shard-i}
 * @param planAfter      planning continues after this key ({@code null}: from the first)
 * @param planComplete   whether every shard is planned
 * @param pending        ranges planned and not yet started, in key order
 * @param nextIndex      the number the next shard gets
 * @param shardsDone     shards finished
 * @param plannedObjects objects the planner has counted so far
 * @param plannedBytes   their size
 * @param totals         the finished shards' counts, added up
 * @param failures       failed objects, the first 1,000
 * @param failureFiles   {@code pid@host:path} files on workers listing failures past those
 * @param runs           runs of the workflow so far, this one included
 * @param startedAtMs    when the job started (workflow time, epoch milliseconds)
 */
public record MigrationState(
        @JsonProperty("source") String source,
        @JsonProperty("destination") String destination,
        @JsonProperty("job_id") String jobId,
        @JsonProperty("plan_after") String planAfter,
        @JsonProperty("plan_complete") boolean planComplete,
        @JsonProperty("pending") List<ShardPlan.PlannedRange> pending,
        @JsonProperty("next_index") int nextIndex,
        @JsonProperty("shards_done") long shardsDone,
        @JsonProperty("planned_objects") long plannedObjects,
        @JsonProperty("planned_bytes") long plannedBytes,
        @JsonProperty("totals") Totals totals,
        @JsonProperty("failures") List<FailureRecord> failures,
        @JsonProperty("failure_files") List<String> failureFiles,
        @JsonProperty("runs") int runs,
        @JsonProperty("started_at_ms") long startedAtMs) {

    public MigrationState {
        pending = pending == null ? List.of() : List.copyOf(pending);
        failures = failures == null ? List.of() : List.copyOf(failures);
        failureFiles = failureFiles == null ? List.of() : List.copyOf(failureFiles);
        totals = totals == null ? Totals.ZERO : totals;
    }
}
