package com.atlan.storage.temporal;

import com.atlan.storage.accounting.FailureRecord;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What one shard did, small enough for a workflow's history: its counts over all its attempts, at most {@link
 * Shard#failureRoom()} failures (the rest in {@code failuresFile} on the worker), and how its last attempt started.
 *
 * @param index             the shard's number
 * @param totals            the shard's counts over all its attempts
 * @param failures          failed objects, at most the shard's failure room
 * @param failuresFile      {@code pid@host:path} of a JSON-lines file on the worker listing every failure of the shard
 *                          when {@code failures} could not hold them all; else {@code null}
 * @param attempt           the attempt that finished (1 for the first)
 * @param resumedFiles      objects earlier attempts had finished, taken from the last heartbeat (0 when the attempt
 *                          started over)
 * @param copiedThisAttempt objects the finishing attempt copied
 */
public record ShardResult(
        @JsonProperty("index") int index,
        @JsonProperty("totals") Totals totals,
        @JsonProperty("failures") List<FailureRecord> failures,

        @JsonProperty("failures_file") @JsonInclude(JsonInclude.Include.NON_NULL)
        String failuresFile,

        @JsonProperty("attempt") int attempt,
        @JsonProperty("resumed_files") long resumedFiles,
        @JsonProperty("copied_this_attempt") long copiedThisAttempt) {

    public ShardResult {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }
}
