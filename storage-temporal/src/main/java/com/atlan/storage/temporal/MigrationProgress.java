package com.atlan.storage.temporal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What {@link MigrationWorkflow#progress()} answers: the finished shards' counts and where the job stands. Objects in
 * shards still running are not in {@code totals}; their heartbeats carry them (see {@link ShardHeartbeat}).
 *
 * @param prefix         the job's prefix
 * @param source         the source store name ({@code null} until the first plan page resolved it)
 * @param destination    the destination store name ({@code null} until then)
 * @param totals         the finished shards' counts
 * @param plannedObjects objects the planner has counted so far (all of them once {@code planComplete})
 * @param plannedBytes   their size
 * @param planComplete   whether planning has ended
 * @param shardsDone     shards finished
 * @param shardsRunning  shards running now
 * @param shardsPending  shards planned and waiting
 * @param running        the job ids of the running shards
 * @param run            the workflow run this is (1, then one more each time it continued as new)
 * @param elapsedMs      time from the job's start to the workflow's latest step (workflow time; it does not advance
 *                       while the workflow waits for shards)
 * @param startedAtMs    when the job started (epoch milliseconds), so a client can count elapsed time itself
 */
public record MigrationProgress(
        @JsonProperty("prefix") String prefix,
        @JsonProperty("source") String source,
        @JsonProperty("destination") String destination,
        @JsonProperty("totals") Totals totals,
        @JsonProperty("planned_objects") long plannedObjects,
        @JsonProperty("planned_bytes") long plannedBytes,
        @JsonProperty("plan_complete") boolean planComplete,
        @JsonProperty("shards_done") long shardsDone,
        @JsonProperty("shards_running") int shardsRunning,
        @JsonProperty("shards_pending") int shardsPending,
        @JsonProperty("running") List<String> running,
        @JsonProperty("run") int run,
        @JsonProperty("elapsed_ms") long elapsedMs,
        @JsonProperty("started_at_ms") long startedAtMs) {

    public MigrationProgress {
        totals = totals == null ? Totals.ZERO : totals;
        running = running == null ? List.of() : List.copyOf(running);
    }
}
