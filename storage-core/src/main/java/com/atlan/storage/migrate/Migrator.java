package com.atlan.storage.migrate;

import com.atlan.storage.store.KeyPrefix;
import com.atlan.storage.store.Listings;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectStore;
import com.atlan.storage.store.StorageException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates every object a prefix selects from a source store to a destination store, keeping keys.
 *
 * <p>The listing is consumed as a stream; each object is handed to a virtual thread, and the lister
 * blocks while {@link MigrationOptions#concurrency()} transfers are in flight, so memory does not grow
 * with the number of objects. A failing object is recorded and the migration goes on; a failing listing
 * stops it with a {@link MigrationException} once the transfers in flight have finished.
 *
 * <pre>{@code
 * MigrationSummary summary = new Migrator(source, destination, "processed/2024/", MigrationOptions.defaults()).run();
 * }</pre>
 */
public final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final ObjectStore source;
    private final ObjectStore destination;
    private final String rawPrefix;
    private final KeyPrefix prefix;
    private final MigrationOptions options;

    /**
     * A migration of what {@code prefix} selects (see {@link KeyPrefix}; {@code ""} or {@code null} is everything).
     */
    public Migrator(ObjectStore source, ObjectStore destination, String prefix, MigrationOptions options) {
        this.source = Objects.requireNonNull(source, "source");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.rawPrefix = prefix == null ? "" : prefix;
        this.prefix = KeyPrefix.of(rawPrefix);
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Runs the migration on this thread and returns its summary.
     *
     * @throws MigrationException when the listing fails, the failure-rate limit is passed, or the thread is interrupted
     */
    public MigrationSummary run() {
        return new Run().execute();
    }

    /** Starts the migration on a background thread. */
    public MigrationHandle start() {
        Run run = new Run();
        CompletableFuture<MigrationSummary> completion = new CompletableFuture<>();
        Thread lister = Thread.ofPlatform().name("atlan-migration-" + destination.name()).daemon(true).start(() -> {
            try {
                completion.complete(run.execute());
            } catch (Throwable t) {
                completion.completeExceptionally(t);
            }
        });
        return new MigrationHandle() {
            @Override
            public CompletableFuture<MigrationSummary> completion() {
                return completion;
            }

            @Override
            public Progress progress() {
                return run.tracker.snapshot();
            }

            @Override
            public void cancel() {
                run.cancelled = true;
                lister.interrupt();
            }
        };
    }

    /** One execution: its counters, failures and in-flight transfers. */
    private final class Run {
        private final ProgressTracker tracker = new ProgressTracker(options.listener());
        private final ConcurrentLinkedQueue<FailureRecord> failures = new ConcurrentLinkedQueue<>();
        private final Semaphore inFlight = new Semaphore(options.concurrency());
        private final ObjectTransfer transfer = new ObjectTransfer(source, destination, options, tracker);
        private volatile boolean cancelled;

        MigrationSummary execute() {
            LOG.info("migrating prefix '{}' from {} to {} ({} in flight{}{})", rawPrefix, source.name(),
                    destination.name(), options.concurrency(), transfer.serverSide() ? ", server-side copy" : "",
                    options.dryRun() ? ", dry run" : "");
            String stopReason = null;
            Throwable stopCause = null;
            ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
            try (Stream<ObjectInfo> listing = Listings.select(source, prefix, null)) {
                Iterator<ObjectInfo> objects = listing.iterator();
                while (objects.hasNext()) {
                    ObjectInfo object = objects.next();
                    stopReason = failureRateExceeded();
                    if (stopReason != null) {
                        break;
                    }
                    tracker.onListed(object);
                    if (options.dryRun()) {
                        LOG.info("dry run: would migrate '{}' ({} bytes)", object.key(), object.size());
                        continue;
                    }
                    inFlight.acquire();
                    workers.execute(() -> migrateOne(object));
                }
                if (stopReason == null) {
                    tracker.onListingComplete(tracker.listed(), tracker.snapshot().listedBytes());
                }
            } catch (StorageException e) {
                stopReason = "listing " + source.name() + " under prefix '" + rawPrefix + "' failed: " + e.getMessage();
                stopCause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopReason = "migration cancelled";
                stopCause = e;
            } finally {
                if (cancelled || stopCause instanceof InterruptedException) {
                    workers.shutdownNow();
                }
                workers.close();
            }
            if (cancelled && stopReason == null) {
                stopReason = "migration cancelled";
            }
            MigrationSummary summary = summary();
            if (stopReason != null) {
                LOG.error("{} after {} of {} objects", stopReason, summary.migratedFiles(), summary.totalFiles());
                throw new MigrationException(stopReason, stopCause, summary);
            }
            LOG.info("migrated {} of {} objects ({} skipped, {} failed, {} bytes) from {} to {} in {} ms",
                    summary.migratedFiles(), summary.totalFiles(), summary.skippedFiles(), summary.failedMigrations(),
                    summary.bytesMigrated(), source.name(), destination.name(), summary.elapsedMs());
            return summary;
        }

        private void migrateOne(ObjectInfo object) {
            try {
                transfer.copy(object);
                if (transfer.serverSide()) {
                    tracker.onCopiedServerSide(object);
                } else {
                    tracker.onMigrated(object);
                }
            } catch (StorageException e) {
                fail(object, e.getMessage() != null ? e.getMessage() : e.toString());
            } catch (InterruptedException e) {
                fail(object, "cancelled before '" + object.key() + "' was copied");
            } catch (RuntimeException e) {
                LOG.debug("unexpected failure copying '{}'", object.key(), e);
                fail(object, e.toString());
            } finally {
                inFlight.release();
            }
        }

        private void fail(ObjectInfo object, String error) {
            FailureRecord failure = new FailureRecord(object.key(), error);
            LOG.warn("failed to migrate '{}': {}", object.key(), error);
            failures.add(failure);
            tracker.onFailed(failure);
        }

        private String failureRateExceeded() {
            Progress p = tracker.snapshot();
            long finished = p.doneFiles();
            if (options.maxFailureRate() >= 1.0 || finished < MigrationOptions.FAILURE_RATE_MIN_SAMPLE) {
                return null;
            }
            double rate = (double) p.failedFiles() / finished;
            if (rate <= options.maxFailureRate()) {
                return null;
            }
            return String.format("failure rate %.1f%% (%d of %d) exceeds the limit of %.1f%%",
                    rate * 100, p.failedFiles(), finished, options.maxFailureRate() * 100);
        }

        private MigrationSummary summary() {
            Progress p = tracker.snapshot();
            List<FailureRecord> failed = new ArrayList<>(failures);
            return new MigrationSummary(p.listedFiles(), p.migratedFiles(), failed.size(), failed, rawPrefix,
                    source.name(), destination.name(), p.skippedFiles(), tracker.migratedBytes(),
                    p.elapsed().toMillis());
        }
    }
}
