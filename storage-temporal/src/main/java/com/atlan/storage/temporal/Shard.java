package com.atlan.storage.temporal;

import com.atlan.storage.listing.KeyRange;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One activity's part of a migration: the keys of {@code prefix} after {@code startAfter} up to and including {@code
 * endAt}, in the source's listing order. Shards of one job share their bounds, so every key is in exactly one.
 *
 * @param index          the shard's number within the job, from 0
 * @param jobId          the shard's own job id (checkpoints and logs)
 * @param prefix         the job's prefix as the caller gave it
 * @param source         the source store name
 * @param destination    the destination store name
 * @param startAfter     the shard holds only keys after this one; {@code null}: from the first
 * @param endAt          the shard holds only keys up to and including this one; {@code null}: to the last
 * @param plannedObjects objects the planner counted in the range (the shard migrates what is there when it runs)
 * @param settings       engine settings
 * @param failureRoom    failures the result may carry; past that they go to a file on the worker
 */
public record Shard(
        @JsonProperty("index") int index,
        @JsonProperty("job_id") String jobId,
        @JsonProperty("prefix") String prefix,
        @JsonProperty("source") String source,
        @JsonProperty("destination") String destination,
        @JsonProperty("start_after") String startAfter,
        @JsonProperty("end_at") String endAt,
        @JsonProperty("planned_objects") long plannedObjects,
        @JsonProperty("settings") ShardSettings settings,
        @JsonProperty("failure_room") int failureRoom) {

    /** The shard's key range. */
    public KeyRange range() {
        return new KeyRange(startAfter, endAt);
    }
}
