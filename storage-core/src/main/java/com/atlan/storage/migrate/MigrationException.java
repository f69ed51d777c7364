package com.atlan.storage.migrate;

import java.util.Objects;

/**
 * A migration could not run to its end: the listing failed (the spec's "critical error"), an error hit that would
 * fail every object (a missing bucket, rejected credentials), the failure rate passed its limit, the JVM failed, or
 * it was cancelled. Per-object failures never raise this; they are recorded in the summary. {@link
 * #partialSummary()} always says what had happened by then.
 */
public final class MigrationException extends RuntimeException {

    private final transient MigrationSummary partialSummary;

    /** A migration stopped by {@code cause}, with what it had done so far. */
    public MigrationException(String message, Throwable cause, MigrationSummary partialSummary) {
        super(message, cause);
        this.partialSummary = Objects.requireNonNull(partialSummary, "partialSummary");
    }

    /** What was done before the migration stopped; never {@code null}. */
    public MigrationSummary partialSummary() {
        return partialSummary;
    }
}
