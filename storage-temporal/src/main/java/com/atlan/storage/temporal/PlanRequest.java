package com.atlan.storage.temporal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Asks for the next page of a job's shards: those after {@code after} in the source's listing.
 *
 * @param prefix          the job's prefix
 * @param source          the source store name ({@code null}: the worker's deployment store)
 * @param destination     the destination store name ({@code null}: the worker's upstream store)
 * @param skipUnchanged   whether shards list the destination too (it decides the key order shards are cut in)
 * @param after           plan keys after this one; {@code null}: from the first
 * @param objectsPerShard cut a shard once it holds this many objects
 * @param bytesPerShard   cut a shard once its objects hold this many bytes
 * @param maxShards       the most shards this page may hold
 * @param sweep           first remove the unfinished writes (multipart uploads, partial files) that earlier runs left
 *                        in the destination under the prefix: set for a run's first page, before any shard writes
 */
public record PlanRequest(
        @JsonProperty("prefix") String prefix,
        @JsonProperty("source") String source,
        @JsonProperty("destination") String destination,
        @JsonProperty("skip_unchanged") boolean skipUnchanged,
        @JsonProperty("after") String after,
        @JsonProperty("objects_per_shard") long objectsPerShard,
        @JsonProperty("bytes_per_shard") long bytesPerShard,
        @JsonProperty("max_shards") int maxShards,
        @JsonProperty("sweep") boolean sweep) {}
