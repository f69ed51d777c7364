package com.atlan.storage.temporal;

import com.atlan.storage.migrate.MigrationException;
import com.atlan.storage.migrate.MigrationHandle;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.services.AtlanStorage;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Runs a migration inside a Temporal activity as an activity should: heartbeating from a thread of its own while it
 * runs (so a heartbeat timeout can be set and a lost worker is noticed), stopping it when the activity is cancelled,
 * and returning its summary.
 *
 * <pre>{@code
 * @Override // an activity method
 * public MigrationSummary migrateResults(String prefix) {
 *     return ActivityMigration.migrateFromObjectstoreToAtlan(prefix);
 * }
 * }</pre>
 *
 * <p>Calling {@link AtlanStorage#migrateFromObjectstoreToAtlan(String)} directly inside an activity works too (it
 * blocks until done), as long as the activity sets no heartbeat timeout, since it does not heartbeat.
 */
public final class ActivityMigration {

    private ActivityMigration() {}

    /**
     * {@link AtlanStorage#migrateFromObjectstoreToAtlan(String)} from inside an activity: the configuration in use
     * ({@link com.atlan.storage.services.StorageContext}), heartbeating its {@link com.atlan.storage.accounting.Progress}.
     *
     * @throws MigrationException            on a critical error (the listing failed); per-file failures are in the
     *                                       summary
     * @throws ActivityCompletionException when the activity was cancelled (the migration is stopped first)
     */
    public static MigrationSummary migrateFromObjectstoreToAtlan(String prefix) {
        AtlanStorage storage = AtlanStorage.fromEnvironment();
        var names = com.atlan.storage.services.StorageContext.storeNames();
        MigrationHandle handle = storage.start(prefix, names.deployment(), names.upstream());
        return await(Activity.getExecutionContext(), handle, MigrationHandle::progress);
    }

    /**
     * Waits for {@code handle}'s migration inside the activity of {@code context}, heartbeating {@code details} of
     * the handle meanwhile; cancels the migration when the activity is cancelled.
     *
     * @throws MigrationException            when the migration stopped early
     * @throws ActivityCompletionException when the activity was cancelled, timed out or its worker is stopping
     */
    public static MigrationSummary await(
            ActivityExecutionContext context, MigrationHandle handle, Function<MigrationHandle, ?> details) {
        try (Heartbeater heartbeater = Heartbeater.start(context, () -> details.apply(handle), handle::cancel)) {
            try {
                return handle.completion().get();
            } catch (InterruptedException e) {
                handle.cancel();
                Thread.currentThread().interrupt();
                throw new CancellationException("the activity thread was interrupted; the migration was cancelled");
            } catch (CancellationException e) {
                if (heartbeater.cancellation() != null) {
                    throw heartbeater.cancellation();
                }
                throw e;
            } catch (ExecutionException e) {
                if (heartbeater.cancellation() != null) {
                    throw heartbeater.cancellation();
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
