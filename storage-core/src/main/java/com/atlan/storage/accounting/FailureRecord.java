package com.atlan.storage.accounting;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One object that was not migrated, as the spec's {@code {"file": ..., "error": ...}} entry.
 *
 * @param file  the object key
 * @param error what went wrong, in words a person can act on
 */
public record FailureRecord(
        @JsonProperty("file") String file,
        @JsonProperty("error") String error) {}
