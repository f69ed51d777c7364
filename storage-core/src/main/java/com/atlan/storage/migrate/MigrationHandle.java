package com.atlan.storage.migrate;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A migration running in the background. */
public interface MigrationHandle {

    /** Completes with the summary, or exceptionally with a {@link MigrationException}. */
    CompletableFuture<MigrationSummary> completion();

    /** What has been done so far. */
    Progress progress();

    /** Stops scheduling transfers and interrupts those in flight; {@link #completion()} then fails. */
    void cancel();

    /** A handle made of its three parts, for code that starts or wraps a migration. */
    static MigrationHandle of(
            CompletableFuture<MigrationSummary> completion, Supplier<Progress> progress, Runnable cancel) {
        record Parts(
                CompletableFuture<MigrationSummary> completion, Supplier<Progress> progressSource, Runnable canceller)
                implements MigrationHandle {
            @Override
            public Progress progress() {
                return progressSource.get();
            }

            @Override
            public void cancel() {
                canceller.run();
            }
        }
        return new Parts(completion, progress, cancel);
    }
}
