package com.atlan.storage.services;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationException;
import com.atlan.storage.migrate.MigrationHandle;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.migrate.Migrator;
import com.atlan.storage.state.JobLock;
import com.atlan.storage.state.JobState;
import com.atlan.storage.store.Backend;
import com.atlan.storage.verify.VerificationReport;
import com.atlan.storage.verify.Verifier;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Migrates objects from the deployment object store to Atlan's upstream store (bucket cloning).
 *
 * <p>The static methods mirror the spec's {@code AtlanStorage.migrate_from_objectstore_to_atlan}: they use
 * {@link StorageContext}'s configuration, the Dapr components and store names of the environment unless set ({@code DEPLOYMENT_OBJECT_STORE_NAME} to
 * {@code UPSTREAM_OBJECT_STORE_NAME}) and use {@link MigrationOptions#defaults()}. Build an instance to pass
 * your own configuration and options.
 *
 * <p>Checkpoints go to the state store ({@code STATE_STORE_NAME}) when its backend keeps them beyond the process,
 * else to the embedded default SQLite file {@code ./local/dapr/statestore.db} (see {@link JobState}), so
 * {@link MigrationOptions#resume()} can continue an interrupted migration; a state store that cannot be used is a
 * warning unless resuming. A lock in the same store keeps two runs of one job from running at once
 * ({@link com.atlan.storage.state.JobLockedException}).
 *
 * <pre>{@code
 * MigrationSummary summary = AtlanStorage.migrateFromObjectstoreToAtlan("processed_data/2024/");
 * if (summary.failedMigrations() > 0) { summary.failures().forEach(f -> log.warn("{}: {}", f.file(), f.error())); }
 * }</pre>
 */
public final class AtlanStorage {

    private final StorageConfiguration configuration;
    private final MigrationOptions options;

    /** Migrations between the stores of {@code configuration}, run with {@code options}. */
    public AtlanStorage(StorageConfiguration configuration, MigrationOptions options) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Migrations with {@link StorageContext}'s configuration (the environment's, unless set) and the default
     * options: what the static methods use.
     */
    public static AtlanStorage fromEnvironment() {
        return new AtlanStorage(StorageContext.configuration(), MigrationOptions.defaults());
    }

    /**
     * Migrates every object in the deployment store to the upstream store.
     *
     * @throws MigrationException on a critical error (the listing failed); per-file failures are in the summary
     */
    public static MigrationSummary migrateFromObjectstoreToAtlan() {
        return migrateFromObjectstoreToAtlan("");
    }

    /**
     * Migrates the objects {@code prefix} selects ({@code ""} for all; {@code "orders"} selects {@code orders}
     * and {@code orders/...} but never {@code orders_archive/...}).
     *
     * @throws MigrationException on a critical error (the listing failed); per-file failures are in the summary
     */
    public static MigrationSummary migrateFromObjectstoreToAtlan(String prefix) {
        return fromEnvironment().migrate(prefix);
    }

    /** {@link #migrateFromObjectstoreToAtlan(String)} in the background. */
    public static CompletableFuture<MigrationSummary> migrateFromObjectstoreToAtlanAsync(String prefix) {
        try {
            return fromEnvironment().migrateAsync(prefix);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@link #migrateFromObjectstoreToAtlan()} in the background. */
    public static CompletableFuture<MigrationSummary> migrateFromObjectstoreToAtlanAsync() {
        return migrateFromObjectstoreToAtlanAsync("");
    }

    /** Migrates what {@code prefix} selects from the deployment store to the upstream store. */
    public MigrationSummary migrate(String prefix) {
        return migrate(
                prefix,
                configuration.storeNames().deployment(),
                configuration.storeNames().upstream());
    }

    /**
     * Migrates what {@code prefix} selects between two named stores.
     *
     * @throws com.atlan.storage.store.StorageConfigException before any transfer when a store is missing or
     *                                                        misconfigured, or source equals destination
     * @throws MigrationException                             on a critical error during the migration
     */
    @SuppressWarnings("try") // the lock is held, not used, while the migration runs
    public MigrationSummary migrate(String prefix, String source, String destination) {
        configuration.requireDistinct(source, destination);
        try (JobState state = jobState();
                Backend from = configuration.objectStore(source, options.maxInFlight());
                Backend to = configuration.objectStore(destination, options.maxInFlight())) {
            Migrator migrator = new Migrator(from, to, prefix, options, state.checkpoints());
            try (JobLock lock = lock(state, migrator)) {
                return migrator.run();
            }
        }
    }

    /**
     * Compares what {@code prefix} selects in {@code source} with {@code destination} without copying
     * anything, by listing metadata (see {@link Verifier}).
     */
    public VerificationReport verify(String prefix, String source, String destination) {
        return verify(prefix, source, destination, false);
    }

    /** {@link #verify(String, String, String)}, hashing both sides' bytes when metadata cannot decide. */
    public VerificationReport verify(String prefix, String source, String destination, boolean download) {
        configuration.requireDistinct(source, destination);
        try (Backend from = configuration.objectStore(source, options.maxInFlight());
                Backend to = configuration.objectStore(destination, options.maxInFlight())) {
            return new Verifier(from, to, prefix, download).run();
        }
    }

    /** Checkpoints and lock for a run; none for a dry run that does not resume (it writes nothing). */
    private JobState jobState() {
        return options.dryRun() && !options.resume()
                ? JobState.none()
                : JobState.open(configuration, options.checkpoints(), options.resume());
    }

    /** The job's lock; none for a dry run, which reads a checkpoint at most and writes nothing. */
    private JobLock lock(JobState state, Migrator migrator) {
        return options.dryRun() ? JobLock.none() : state.lock(migrator.jobId());
    }

    /** {@link #migrate(String)} in the background. */
    public CompletableFuture<MigrationSummary> migrateAsync(String prefix) {
        return start(
                        prefix,
                        configuration.storeNames().deployment(),
                        configuration.storeNames().upstream())
                .completion();
    }

    /**
     * Starts a migration between two named stores in the background. Configuration errors are thrown here,
     * before anything starts; the stores are closed when the migration ends.
     */
    public MigrationHandle start(String prefix, String source, String destination) {
        configuration.requireDistinct(source, destination);
        JobState state = jobState();
        Backend from = null;
        Backend to = null;
        JobLock lock = null;
        MigrationHandle handle;
        try {
            from = configuration.objectStore(source, options.maxInFlight());
            to = configuration.objectStore(destination, options.maxInFlight());
            Migrator migrator = new Migrator(from, to, prefix, options, state.checkpoints());
            lock = lock(state, migrator);
            handle = migrator.start();
        } catch (RuntimeException e) {
            closeAll(lock, state, from, to);
            throw e;
        }
        Backend openedFrom = from;
        Backend openedTo = to;
        JobLock held = lock;
        CompletableFuture<MigrationSummary> closing =
                handle.completion().whenComplete((summary, error) -> closeAll(held, state, openedFrom, openedTo));
        return MigrationHandle.of(closing, handle::progress, handle::cancel);
    }

    private static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception ignored) {
                // closing after the migration ended or failed to start; nothing left to protect
            }
        }
    }
}
