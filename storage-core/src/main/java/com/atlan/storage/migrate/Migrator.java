package com.atlan.storage.migrate;

import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.state.CheckpointStore;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.KeyPrefix;
import com.atlan.storage.store.Listings;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.StorageException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
 * <p>With {@link MigrationOptions#skipUnchanged()} the destination is listed alongside the source and objects
 * it already holds are skipped ({@link Planner}). With a {@link CheckpointStore} the job's progress is saved
 * every {@link MigrationOptions#checkpointInterval()} and at the end, and {@link MigrationOptions#resume()}
 * continues from the last checkpoint: it retries the keys that failed, lists from the watermark and skips
 * what finished above it, and its summary covers the whole job.
 *
 * <pre>{@code
 * MigrationSummary summary = new Migrator(source, destination, "processed/2024/", MigrationOptions.defaults()).run();
 * }</pre>
 */
public final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    /** Keys finished above the watermark before the lister waits for a slow object to finish. */
    private static final int MAX_DONE_ABOVE_WATERMARK = 100_000;

    private final Backend source;
    private final Backend destination;
    private final String rawPrefix;
    private final KeyPrefix prefix;
    private final MigrationOptions options;
    private final CheckpointStore checkpoints;
    private final String jobId;

    /**
     * A migration of what {@code prefix} selects (see {@link KeyPrefix}; {@code ""} or {@code null} is everything),
     * without checkpoints.
     */
    public Migrator(Backend source, Backend destination, String prefix, MigrationOptions options) {
        this(source, destination, prefix, options, null);
    }

    /**
     * A migration that saves checkpoints to {@code checkpoints} ({@code null} for none) and can resume from them.
     *
     * @throws IllegalArgumentException when {@code options} ask to resume but there is no checkpoint store
     */
    public Migrator(
            Backend source, Backend destination, String prefix, MigrationOptions options, CheckpointStore checkpoints) {
        this.source = Objects.requireNonNull(source, "source");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.rawPrefix = prefix == null ? "" : prefix;
        this.prefix = KeyPrefix.of(rawPrefix);
        this.options = Objects.requireNonNull(options, "options");
        this.checkpoints = checkpoints;
        if (options.resume() && checkpoints == null) {
            throw new IllegalArgumentException(
                    "resuming needs a checkpoint store; configure a state.sqlite state store");
        }
        this.jobId = options.jobId() != null
                ? options.jobId()
                : Checkpoint.jobIdFor(source.name(), destination.name(), rawPrefix);
    }

    /** The id checkpoints of this migration are saved under. */
    public String jobId() {
        return jobId;
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
        Thread lister = Thread.ofPlatform()
                .name("atlan-migration-" + destination.name())
                .daemon(true)
                .start(() -> {
                    try {
                        completion.complete(run.execute());
                    } catch (Throwable t) {
                        completion.completeExceptionally(t);
                    }
                });
        return MigrationHandle.of(completion, run.tracker::snapshot, () -> {
            run.cancelled = true;
            lister.interrupt();
        });
    }

    /** One execution: its ledger, counters and in-flight transfers. */
    private final class Run {
        private final ProgressTracker tracker = new ProgressTracker(options.listener());
        private final Semaphore inFlight = new Semaphore(options.concurrency());
        private final ObjectTransfer transfer = new ObjectTransfer(source, destination, options, tracker);
        private final ContentMatch match = new ContentMatch(source, destination);
        private final CompletionLedger ledger = openLedger();
        private volatile boolean cancelled;

        MigrationSummary execute() {
            LOG.info(
                    "migrating prefix '{}' from {} to {} (job {}, {} in flight{}{}{})",
                    rawPrefix,
                    source.name(),
                    destination.name(),
                    jobId,
                    options.concurrency(),
                    transfer.serverSide() ? ", server-side copy" : "",
                    options.skipUnchanged() ? ", skipping unchanged" : "",
                    options.dryRun() ? ", dry run" : "");
            String stopReason = null;
            Throwable stopCause = null;
            CheckpointSaver saver = checkpoints == null || options.dryRun()
                    ? null
                    : new CheckpointSaver(checkpoints, options.checkpointInterval(), () -> checkpoint(false));
            ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
            try {
                if (!options.dryRun()) {
                    retryEarlierFailures(workers);
                }
                stopReason = planAndSchedule(workers);
            } catch (StorageException | IllegalStateException e) {
                stopReason = "listing " + source.name() + (options.skipUnchanged() ? " and " + destination.name() : "")
                        + " under prefix '" + rawPrefix + "' failed: " + e.getMessage();
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
            if (saver != null) {
                saver.finish(checkpoint(stopReason == null));
            }
            MigrationSummary summary = summary();
            if (stopReason != null) {
                LOG.error(
                        "{} after {} of {} objects (job {})",
                        stopReason,
                        summary.migratedFiles(),
                        summary.totalFiles(),
                        jobId);
                throw new MigrationException(stopReason, stopCause, summary);
            }
            LOG.info(
                    "migrated {} of {} objects ({} skipped, {} failed, {} bytes) from {} to {} in {} ms",
                    summary.migratedFiles(),
                    summary.totalFiles(),
                    summary.skippedFiles(),
                    summary.failedMigrations(),
                    summary.bytesMigrated(),
                    source.name(),
                    destination.name(),
                    summary.elapsedMs());
            return summary;
        }

        /** Walks the plan in listing order, scheduling copies; returns why it stopped early, or {@code null}. */
        private String planAndSchedule(ExecutorService workers) throws InterruptedException {
            String after = ledger.watermark();
            try (Stream<ObjectInfo> sources = Listings.select(source, prefix, after);
                    Stream<ObjectInfo> destinations =
                            options.skipUnchanged() ? Listings.select(destination, prefix, after) : Stream.empty()) {
                Planner plan = options.skipUnchanged()
                        ? Planner.skippingUnchanged(sources.iterator(), destinations.iterator(), match)
                        : Planner.copyingAll(sources.iterator());
                while (plan.hasNext()) {
                    PlannedObject planned = plan.next();
                    String stopReason = failureRateExceeded();
                    if (stopReason != null) {
                        return stopReason;
                    }
                    ObjectInfo object = planned.source();
                    ledger.awaitWindowBelow(MAX_DONE_ABOVE_WATERMARK);
                    if (!ledger.listed(object.key())) {
                        continue;
                    }
                    tracker.onListed(object);
                    if (planned.action() == PlannedObject.Action.SKIP) {
                        ledger.finished(object, CompletionLedger.Outcome.SKIPPED, null);
                        tracker.onSkipped(object);
                    } else if (options.dryRun()) {
                        LOG.info("dry run: would migrate '{}' ({} bytes)", object.key(), object.size());
                    } else {
                        inFlight.acquire();
                        workers.execute(() -> migrateOne(object));
                    }
                }
            }
            tracker.onListingComplete(tracker.listed(), tracker.snapshot().listedBytes());
            return null;
        }

        /** Retries, alongside the listing, the keys an earlier run of the job failed on. */
        private void retryEarlierFailures(ExecutorService workers) throws InterruptedException {
            for (String key : ledger.failedKeys()) {
                inFlight.acquire();
                workers.execute(() -> retryOne(key));
            }
        }

        private void migrateOne(ObjectInfo object) {
            try {
                copy(object);
                ledger.finished(object, CompletionLedger.Outcome.MIGRATED, null);
            } catch (InterruptedException e) {
                String error = "cancelled before '" + object.key() + "' was copied";
                ledger.finished(object, CompletionLedger.Outcome.FAILED, error);
                failed(object.key(), error);
            } catch (RuntimeException e) {
                String error = describe(object.key(), e);
                ledger.finished(object, CompletionLedger.Outcome.FAILED, error);
                failed(object.key(), error);
            } finally {
                inFlight.release();
            }
        }

        private void retryOne(String key) {
            ObjectInfo object = null;
            try {
                Optional<ObjectInfo> current = source.stat(key);
                if (current.isEmpty()) {
                    LOG.info(
                            "'{}' failed in an earlier run and is no longer in {}; dropped from the job",
                            key,
                            source.name());
                    ledger.retried(key, null, null, null);
                    return;
                }
                object = current.get();
                tracker.onListed(object);
                ObjectInfo twin =
                        options.skipUnchanged() ? destination.stat(key).orElse(null) : null;
                if (twin != null && match.compare(object, twin).same()) {
                    ledger.retried(key, object, CompletionLedger.Outcome.SKIPPED, null);
                    tracker.onSkipped(object);
                    return;
                }
                copy(object);
                ledger.retried(key, object, CompletionLedger.Outcome.MIGRATED, null);
            } catch (InterruptedException e) {
                failed(key, "cancelled before '" + key + "' was copied again; it stays failed");
            } catch (RuntimeException e) {
                String error = describe(key, e);
                if (object != null) {
                    ledger.retried(key, object, CompletionLedger.Outcome.FAILED, error);
                }
                failed(key, error);
            } finally {
                inFlight.release();
            }
        }

        private void copy(ObjectInfo object) throws InterruptedException {
            transfer.copy(object);
            if (transfer.serverSide()) {
                tracker.onCopiedServerSide(object);
            } else {
                tracker.onMigrated(object);
            }
        }

        private String describe(String key, RuntimeException e) {
            if (e instanceof StorageException && e.getMessage() != null) {
                return e.getMessage();
            }
            LOG.debug("unexpected failure copying '{}'", key, e);
            return e.toString();
        }

        private void failed(String key, String error) {
            LOG.warn("failed to migrate '{}': {}", key, error);
            tracker.onFailed(new FailureRecord(key, error));
        }

        private CompletionLedger openLedger() {
            Optional<Checkpoint> saved = checkpoints == null ? Optional.empty() : checkpoints.load(jobId);
            if (!options.resume()) {
                saved.filter(c -> !c.complete())
                        .ifPresent(c -> LOG.warn(
                                "job {} has an unfinished checkpoint ({} objects"
                                        + " done); starting over. Resume it instead with --resume",
                                jobId,
                                c.totalFiles()));
                return CompletionLedger.fresh();
            }
            if (saved.isEmpty()) {
                LOG.info("no checkpoint for job {}; starting from the beginning", jobId);
                return CompletionLedger.fresh();
            }
            Checkpoint checkpoint = saved.get();
            if (!checkpoint.source().equals(source.name())
                    || !checkpoint.destination().equals(destination.name())
                    || !checkpoint.prefix().equals(rawPrefix)) {
                throw new IllegalArgumentException(
                        "job " + jobId + " migrated prefix '" + checkpoint.prefix() + "' from "
                                + checkpoint.source() + " to " + checkpoint.destination() + ", not prefix '" + rawPrefix
                                + "' from "
                                + source.name() + " to " + destination.name() + "; pass another job id");
            }
            if (checkpoint.complete()) {
                LOG.info("job {} completed earlier; starting a new pass over it", jobId);
                return CompletionLedger.fresh();
            }
            LOG.info(
                    "resuming job {} after '{}': {} objects done, {} failed to retry",
                    jobId,
                    checkpoint.watermark(),
                    checkpoint.totalFiles(),
                    checkpoint.failures().size());
            return CompletionLedger.resuming(checkpoint);
        }

        private Checkpoint checkpoint(boolean complete) {
            return ledger.checkpoint(
                    jobId,
                    source.name(),
                    destination.name(),
                    rawPrefix,
                    tracker.elapsed().toMillis(),
                    complete);
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
            return String.format(
                    "failure rate %.1f%% (%d of %d) exceeds the limit of %.1f%%",
                    rate * 100, p.failedFiles(), finished, options.maxFailureRate() * 100);
        }

        private MigrationSummary summary() {
            long elapsed = ledger.elapsedBeforeMs() + tracker.elapsed().toMillis();
            if (options.dryRun()) {
                Progress p = tracker.snapshot();
                return new MigrationSummary(
                        p.listedFiles(),
                        p.skippedFiles(),
                        0,
                        List.of(),
                        rawPrefix,
                        source.name(),
                        destination.name(),
                        p.skippedFiles(),
                        0,
                        elapsed);
            }
            List<FailureRecord> failures = ledger.failures();
            return new MigrationSummary(
                    ledger.total(),
                    ledger.migrated() + ledger.skipped(),
                    failures.size(),
                    failures,
                    rawPrefix,
                    source.name(),
                    destination.name(),
                    ledger.skipped(),
                    ledger.bytes(),
                    elapsed);
        }
    }
}
