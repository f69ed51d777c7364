package com.atlan.storage.services;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationException;
import com.atlan.storage.migrate.MigrationHandle;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.migrate.Migrator;
import com.atlan.storage.migrate.VerificationReport;
import com.atlan.storage.migrate.Verifier;
import com.atlan.storage.state.CheckpointStore;
import com.atlan.storage.state.CheckpointStores;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.StorageConfigException;
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
 * <p>Checkpoints go to the state store ({@code STATE_STORE_NAME}, a {@code state.sqlite} component; the embedded
 * default is {@code ./local/dapr/statestore.db}) when the configuration has one, so
 * {@link MigrationOptions#resume()} can continue an interrupted migration.
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
    public MigrationSummary migrate(String prefix, String source, String destination) {
        configuration.requireDistinct(source, destination);
        try (CheckpointStore checkpoints = checkpointStore();
                Backend from = configuration.objectStore(source, options.concurrency());
                Backend to = configuration.objectStore(destination, options.concurrency())) {
            return new Migrator(from, to, prefix, options, checkpoints).run();
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
        try (Backend from = configuration.objectStore(source, options.concurrency());
                Backend to = configuration.objectStore(destination, options.concurrency())) {
            return new Verifier(from, to, prefix, download).run();
        }
    }

    /** The state store's checkpoints; {@code null} when there is no state store and none is needed. */
    private CheckpointStore checkpointStore() {
        if (options.dryRun()) {
            return null;
        }
        CheckpointStore store = CheckpointStores.open(configuration).orElse(null);
        if (store == null && options.resume()) {
            throw new StorageConfigException("resuming needs a state store: add a state.sqlite component named '"
                    + configuration.storeNames().state() + "' (or set STATE_STORE_NAME)");
        }
        return store;
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
        CheckpointStore checkpoints = checkpointStore();
        Backend from = null;
        Backend to = null;
        MigrationHandle handle;
        try {
            from = configuration.objectStore(source, options.concurrency());
            to = configuration.objectStore(destination, options.concurrency());
            handle = new Migrator(from, to, prefix, options, checkpoints).start();
        } catch (RuntimeException e) {
            closeAll(checkpoints, from, to);
            throw e;
        }
        Backend openedFrom = from;
        Backend openedTo = to;
        CompletableFuture<MigrationSummary> closing =
                handle.completion().whenComplete((summary, error) -> closeAll(checkpoints, openedFrom, openedTo));
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
