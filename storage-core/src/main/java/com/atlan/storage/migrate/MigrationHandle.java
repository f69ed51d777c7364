package com.atlan.storage.migrate;

import java.util.concurrent.CompletableFuture;

/** A migration running in the background. */
public interface MigrationHandle {

    /** Completes with the summary, or exceptionally with a {@link MigrationException}. */
    CompletableFuture<MigrationSummary> completion();

    /** What has been done so far. */
    Progress progress();

    /** Stops scheduling transfers and interrupts those in flight; {@link #completion()} then fails. */
    void cancel();
}
