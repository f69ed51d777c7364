package com.atlan.storage.temporal;

import com.atlan.storage.accounting.Progress;
import com.atlan.storage.state.Checkpoint;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A shard's heartbeat details: its newest checkpoint small enough to report (a retry resumes from it) and the
 * running attempt's counts (what a progress display adds to the finished shards').
 *
 * @param checkpoint    the shard's checkpoint: low watermark, keys finished above it, counters; {@code null} before
 *                      the first
 * @param listedFiles   objects this attempt listed
 * @param copiedFiles   objects this attempt copied
 * @param skippedFiles  objects this attempt found identical
 * @param failedFiles   objects this attempt failed
 * @param bytes         bytes this attempt wrote
 */
public record ShardHeartbeat(
        @JsonProperty("checkpoint") Checkpoint checkpoint,
        @JsonProperty("listed_files") long listedFiles,
        @JsonProperty("copied_files") long copiedFiles,
        @JsonProperty("skipped_files") long skippedFiles,
        @JsonProperty("failed_files") long failedFiles,
        @JsonProperty("bytes") long bytes) {

    /** A heartbeat with {@code checkpoint} and the counts of {@code progress}. */
    public static ShardHeartbeat of(Checkpoint checkpoint, Progress progress) {
        return new ShardHeartbeat(
                checkpoint,
                progress.listedFiles(),
                progress.migratedFiles(),
                progress.skippedFiles(),
                progress.failedFiles(),
                progress.transferredBytes());
    }
}
