package com.atlan.storage.temporal;

import com.atlan.storage.migrate.MigrationOptions;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * What {@link MigrationWorkflow#run} migrates and how it spreads the work: the prefix and the two stores (named as
 * in the workers' Dapr components), the engine settings of each shard, the target size of a shard and how many
 * shards run at once.
 *
 * <p>Build with {@link #builder(String)}. Store names left {@code null} are the workers' defaults ({@code
 * DEPLOYMENT_OBJECT_STORE_NAME} to {@code UPSTREAM_OBJECT_STORE_NAME}).
 *
 * @param prefix              the prefix as the caller gives it ({@code ""}: everything), echoed in the summary
 * @param source              the source store name, or {@code null} for the workers' deployment store
 * @param destination         the destination store name, or {@code null} for the workers' upstream store
 * @param jobId               names the job's shards and checkpoints; {@code null} derives it from the three above
 * @param settings            the engine settings of every shard
 * @param objectsPerShard     a shard is cut once it holds this many objects (or {@code bytesPerShard} bytes)
 * @param bytesPerShard       a shard is cut once its objects hold this many bytes
 * @param maxParallelShards   shards running at once over all workers (at most {@value #MAX_PARALLEL_SHARDS})
 * @param heartbeatTimeoutSeconds a shard whose worker has not reported for this long is retried elsewhere, from its
 *                            last heartbeat
 * @param continued           what earlier runs of this workflow did, when it continued as new; {@code null} at first
 */
public record MigrationRequest(
        @JsonProperty("prefix") String prefix,
        @JsonProperty("source") String source,
        @JsonProperty("destination") String destination,
        @JsonProperty("job_id") String jobId,
        @JsonProperty("settings") ShardSettings settings,
        @JsonProperty("objects_per_shard") long objectsPerShard,
        @JsonProperty("bytes_per_shard") long bytesPerShard,
        @JsonProperty("max_parallel_shards") int maxParallelShards,
        @JsonProperty("heartbeat_timeout_seconds") long heartbeatTimeoutSeconds,

        @JsonProperty("continued") @JsonInclude(JsonInclude.Include.NON_NULL)
        MigrationState continued) {

    /** Default objects per shard: large enough that a shard's overhead is noise, small enough to spread work. */
    public static final long DEFAULT_OBJECTS_PER_SHARD = 10_000;

    /** Default bytes per shard (10 GiB), so a shard of large objects still ends within minutes to hours. */
    public static final long DEFAULT_BYTES_PER_SHARD = 10L << 30;

    /** Default shards at once. */
    public static final int DEFAULT_PARALLEL_SHARDS = 8;

    /**
     * The most shards at once: each is a pending activity (Temporal allows 2,000 per workflow), and each adds events
     * while the workflow drains before continuing as new.
     */
    public static final int MAX_PARALLEL_SHARDS = 200;

    /** Default heartbeat timeout: a lost worker's shard is retried elsewhere within about a minute. */
    public static final long DEFAULT_HEARTBEAT_TIMEOUT_SECONDS = 60;

    public MigrationRequest {
        prefix = prefix == null ? "" : prefix;
        settings = settings == null ? ShardSettings.DEFAULTS : settings;
        if (objectsPerShard < 1 || bytesPerShard < 1) {
            throw new IllegalArgumentException("objects_per_shard and bytes_per_shard must be >= 1, not "
                    + objectsPerShard + " and " + bytesPerShard);
        }
        if (maxParallelShards < 1 || maxParallelShards > MAX_PARALLEL_SHARDS) {
            throw new IllegalArgumentException(
                    "max_parallel_shards must be between 1 and " + MAX_PARALLEL_SHARDS + ", not " + maxParallelShards);
        }
        if (heartbeatTimeoutSeconds < 1) {
            throw new IllegalArgumentException(
                    "heartbeat_timeout_seconds must be >= 1, not " + heartbeatTimeoutSeconds);
        }
    }

    /** A builder for migrating what {@code prefix} selects, with the defaults. */
    public static Builder builder(String prefix) {
        return new Builder(prefix);
    }

    /** The heartbeat timeout. */
    public Duration heartbeatTimeout() {
        return Duration.ofSeconds(heartbeatTimeoutSeconds);
    }

    /** This request carrying {@code state} into the next run of the workflow. */
    MigrationRequest continuing(MigrationState state) {
        return new MigrationRequest(
                prefix,
                source,
                destination,
                jobId,
                settings,
                objectsPerShard,
                bytesPerShard,
                maxParallelShards,
                heartbeatTimeoutSeconds,
                state);
    }

    /** Builds a {@link MigrationRequest}. */
    public static final class Builder {
        private final String prefix;
        private String source;
        private String destination;
        private String jobId;
        private ShardSettings settings = ShardSettings.DEFAULTS;
        private long objectsPerShard = DEFAULT_OBJECTS_PER_SHARD;
        private long bytesPerShard = DEFAULT_BYTES_PER_SHARD;
        private int maxParallelShards = DEFAULT_PARALLEL_SHARDS;
        private long heartbeatTimeoutSeconds = DEFAULT_HEARTBEAT_TIMEOUT_SECONDS;

        private Builder(String prefix) {
            this.prefix = prefix;
        }

        /** The source and destination store names ({@code null}: the workers' defaults). */
        public Builder stores(String sourceName, String destinationName) {
            this.source = sourceName;
            this.destination = destinationName;
            return this;
        }

        /** The job id ({@code null}: derived). */
        public Builder jobId(String value) {
            this.jobId = value;
            return this;
        }

        /** The engine settings of each shard, from {@code options}. */
        public Builder options(MigrationOptions options) {
            this.settings = ShardSettings.of(options);
            return this;
        }

        /** Objects per shard. */
        public Builder objectsPerShard(long value) {
            this.objectsPerShard = value;
            return this;
        }

        /** Bytes per shard. */
        public Builder bytesPerShard(long value) {
            this.bytesPerShard = value;
            return this;
        }

        /** Shards at once over all workers. */
        public Builder maxParallelShards(int value) {
            this.maxParallelShards = value;
            return this;
        }

        /** How long a shard's worker may stay silent before the shard is retried elsewhere. */
        public Builder heartbeatTimeout(Duration value) {
            this.heartbeatTimeoutSeconds = Math.max(1, value.toSeconds());
            return this;
        }

        /** The request. */
        public MigrationRequest build() {
            return new MigrationRequest(
                    prefix,
                    source,
                    destination,
                    jobId,
                    settings,
                    objectsPerShard,
                    bytesPerShard,
                    maxParallelShards,
                    heartbeatTimeoutSeconds,
                    null);
        }
    }
}
