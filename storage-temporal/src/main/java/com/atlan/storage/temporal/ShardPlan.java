package com.atlan.storage.temporal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of a job's shards, in key order.
 *
 * @param source      the source store name the worker resolved
 * @param destination the destination store name the worker resolved
 * @param ranges      the shards' key ranges, each starting after the previous one's end; the last range of the
 *                    last page is open to the end of the listing
 * @param next        where the next page starts (after this key); meaningless once {@code complete}
 * @param complete    whether the listing ended: no page follows
 */
public record ShardPlan(
        @JsonProperty("source") String source,
        @JsonProperty("destination") String destination,
        @JsonProperty("ranges") List<PlannedRange> ranges,
        @JsonProperty("next") String next,
        @JsonProperty("complete") boolean complete) {

    public ShardPlan {
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
    }

    /**
     * A shard's key range with what the planner found in it.
     *
     * @param startAfter after this key ({@code null}: from the first)
     * @param endAt      up to and including this key ({@code null}: to the last)
     * @param objects    objects listed in it
     * @param bytes      their size
     */
    public record PlannedRange(
            @JsonProperty("start_after") String startAfter,
            @JsonProperty("end_at") String endAt,
            @JsonProperty("objects") long objects,
            @JsonProperty("bytes") long bytes) {}
}
