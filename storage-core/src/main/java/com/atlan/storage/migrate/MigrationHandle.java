package com.atlan.storage.migrate;

import com.atlan.storage.accounting.Progress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A migration running in the background. */
public interface MigrationHandle {

    /** Completes with the summary, or exceptionally with a {@link MigrationException}. */
    CompletableFuture<MigrationSummary> completion();

    /** What has been done so far. */
    Progress progress();

    /**
     * Stops scheduling transfers, interrupts those in flight and saves a checkpoint at once; {@link #completion()}
     * then fails with a {@link MigrationException} carrying the summary so far, after the final checkpoint.
     */
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
