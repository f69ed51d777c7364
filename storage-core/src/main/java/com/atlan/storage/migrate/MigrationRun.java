package com.atlan.storage.migrate;

import com.atlan.storage.accounting.FailureBudget;
import com.atlan.storage.accounting.FailureLog;
import com.atlan.storage.accounting.ObjectOutcome;
import com.atlan.storage.accounting.ObjectWork;
import com.atlan.storage.accounting.Progress;
import com.atlan.storage.accounting.RunLedger;
import com.atlan.storage.limit.Throttle;
import com.atlan.storage.listing.ContentMatch;
import com.atlan.storage.listing.KeyRange;
import com.atlan.storage.listing.ListingJoin;
import com.atlan.storage.listing.ListingOrderException;
import com.atlan.storage.listing.ListingReader;
import com.atlan.storage.listing.PlanOrder;
import com.atlan.storage.retry.Pacer;
import com.atlan.storage.retry.Retrier;
import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.state.CheckpointStore;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.KeyPrefix;
import com.atlan.storage.store.Messages;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a {@link Migrator}, as a pipeline of named phases through which data flows one way:
 * {@link ResumePlan} (where to start) -> {@link ListingReader} (listings in the {@link PlanOrder}) -> {@link Planner}
 * (copy or skip) -> {@link Scheduler} (bounded transfers) -> {@link ObjectTransfer} -> {@link RunLedger} (the one
 * record) -> {@link CheckpointSaver} and {@link SummaryBuilder}. The {@link FailureBudget} and {@link RunStop}
 * decide when the lister stops early; the run ends with its summary or a {@link MigrationException} carrying it.
 */
final class MigrationRun {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRun.class);

    private final Backend source;
    private final Backend destination;
    private final String rawPrefix;
    private final KeyPrefix prefix;
    private final MigrationOptions options;
    private final CheckpointStore checkpoints;
    private final String jobId;
    private final PlanOrder order;
    private final KeyRange range;
    private final ResumePlan resume;
    private final FailureLog failureLog;
    private final RunLedger ledger;
    private final RunStop stop = new RunStop();
    private final AdaptiveConcurrency concurrency;
    private final Retrier retrier;
    private final Scheduler scheduler;
    private final ObjectTransfer transfer;
    private final ContentMatch match;
    private final ListingReader reader;
    private final FailureBudget budget;
    private volatile Thread lister;
    private volatile CheckpointSaver saver;

    MigrationRun(
            Backend source,
            Backend destination,
            String rawPrefix,
            MigrationOptions options,
            CheckpointStore checkpoints,
            String jobId,
            EngineLimits limits) {
        Throttle throttle = options.limits().start();
        StoreDecorator decorator = options.storeDecorator();
        // metrics see the stores' own latency: limits wait outside them
        this.source = throttle.reads(decorator.decorate(source, StoreDecorator.Role.SOURCE));
        this.destination = throttle.requests(decorator.decorate(destination, StoreDecorator.Role.DESTINATION));
        this.rawPrefix = rawPrefix;
        this.prefix = KeyPrefix.of(rawPrefix);
        this.options = options;
        this.checkpoints = checkpoints;
        this.jobId = jobId;
        this.order = PlanOrder.of(
                source.features().listingOrder(), destination.features().listingOrder(), options.skipUnchanged());
        this.range = options.keyRange();
        Optional<Checkpoint> saved = checkpoints == null ? Optional.empty() : checkpoints.load(jobId);
        this.resume =
                ResumePlan.decide(saved, options.resume(), jobId, source.name(), destination.name(), rawPrefix, order);
        int kept = Math.min(limits.failureCap(), options.failuresKept());
        this.failureLog = options.failuresFile() != null
                ? new FailureLog(kept, options.failuresFile())
                : new FailureLog(kept, () -> spillFile(limits.tempFolder()));
        this.ledger = new RunLedger(options.listener(), resume.checkpoint(), failureLog, limits.window());
        PermitPool permits = new PermitPool(options.maxInFlight());
        this.concurrency = options.adaptiveConcurrency() && !options.dryRun()
                ? new AdaptiveConcurrency(System::nanoTime, permits::resize)
                : null;
        this.scheduler = new Scheduler(permits, concurrency, ledger, stop);
        this.retrier = new Retrier(options.retry(), limits.sleeper(), ledger::retried);
        Retrier.Observer retries = concurrency == null
                ? ledger::retried
                : new Retrier.Observer() {
                    @Override
                    public void onRetry(int attempt, StorageException failure, Duration wait) {
                        ledger.retried(attempt, failure, wait);
                    }

                    @Override
                    public void onFailedAttempt(StorageException failure) {
                        if (Retrier.isThrottled(failure)) {
                            concurrency.throttled();
                        }
                    }
                };
        // a transfer waiting to retry is not at work on a store: its permit is lent back for the wait
        Retrier.Sleeper idle = wait -> permits.lendWhile(() -> limits.sleeper().sleep(wait));
        // when stores throttle, transfer attempts start further apart (fewer in flight alone would not slow them)
        Retrier transferRetrier =
                new Retrier(options.retry(), idle, retries, new Pacer(System::nanoTime, limits.sleeper()));
        this.transfer = new ObjectTransfer(
                this.source, this.destination, options.serverSideCopy(), transferRetrier, ledger::addBytes);
        this.match = new ContentMatch(this.source, this.destination);
        this.reader = new ListingReader(retrier, limits.sortRunSize(), limits.tempFolder());
        this.budget = new FailureBudget(options.maxFailureRate(), MigrationOptions.FAILURE_RATE_MIN_SAMPLE);
    }

    /** Runs to the end on this thread. */
    MigrationSummary execute() {
        lister = Thread.currentThread();
        LOG.info(
                "migrating prefix '{}'{} from {} to {} (job {}, {} in flight, {} order{}{}{}{}{}{})",
                rawPrefix,
                range.isAll() ? "" : ", keys " + range,
                source.name(),
                destination.name(),
                jobId,
                concurrency == null ? options.concurrency() : "adaptive (" + AdaptiveConcurrency.INITIAL + " at first)",
                order.order(),
                order.sortSource() || order.sortDestination() ? ", sorting a listing on disk" : "",
                transfer.serverSide() ? ", server-side copy where the destination can" : "",
                options.skipUnchanged() ? ", skipping unchanged" : "",
                options.dryRun() ? ", dry run" : "",
                options.filter().selectsAll() ? "" : ", selecting " + options.filter(),
                options.limits().isNone() ? "" : ", " + options.limits());
        if (checkpoints != null && !options.dryRun()) {
            saver = new CheckpointSaver(checkpoints, options.checkpointInterval(), () -> checkpoint(false));
            if (stop.isCancelled()) {
                saver.saveSoon();
            }
        }
        try {
            try {
                if (!options.dryRun() && range.isAll()) {
                    // A run over part of a prefix (a Temporal shard) shares the prefix with other parts running at
                    // the same time, whose uploads began before this run: only a whole-prefix run sweeps.
                    IncompleteWritesSweep.run(destination, prefix.key(), rawPrefix, retrier);
                }
                runPasses();
            } finally {
                scheduler.close();
            }
            if (!stop.isSet()) {
                if (resume.needsCatchUp()) {
                    ledger.dropUnmetFailures();
                }
                ledger.listingComplete();
            }
        } catch (Throwable e) {
            stop.stop(RunStop.Kind.FATAL, "the migration failed: " + Messages.of(e), e);
        } finally {
            CheckpointSaver s = saver;
            if (s != null) {
                s.finish(() -> checkpoint(!stop.isSet()));
            }
            failureLog.close();
        }
        MigrationSummary summary =
                new SummaryBuilder(rawPrefix, source.name(), destination.name()).build(ledger.totals());
        if (stop.isSet()) {
            // the caller gets the reason in the exception and reports it; logging it as an error too printed it twice
            LOG.info(
                    "stopped after {} of {} objects (job {}): {}",
                    summary.migratedFiles(),
                    summary.totalFiles(),
                    jobId,
                    stop.reason());
            throw new MigrationException(stop.reason(), stop.cause(), summary);
        }
        LOG.info(
                "migrated {} of {} objects ({} already identical, {} failed, {} bytes) from {} to {} in {} ms",
                summary.migratedFiles(),
                summary.totalFiles(),
                summary.skippedFiles(),
                summary.failedMigrations(),
                summary.bytesMigrated(),
                source.name(),
                destination.name(),
                summary.elapsedMs());
        if (concurrency != null) {
            LOG.info("transfers in flight: at most {}, {} at the end", concurrency.peak(), concurrency.limit());
        }
        return summary;
    }

    /** Stops listing, interrupts the transfers in flight and saves a checkpoint at once. */
    void cancel() {
        if (!stop.stop(RunStop.Kind.CANCELLED, "migration cancelled", null)) {
            return;
        }
        scheduler.interruptAll();
        CheckpointSaver s = saver;
        if (s != null) {
            s.saveSoon();
        }
        Thread t = lister;
        if (t != null) {
            t.interrupt();
        }
    }

    /** What this run has done so far. */
    Progress progress() {
        return ledger.progress();
    }

    private void runPasses() {
        try {
            source.requireReadable();
            mainPass();
            if (resume.needsCatchUp() && !stop.isSet()) {
                catchUpPass();
            }
        } catch (InterruptedException | CancellationException e) {
            stop.stop(RunStop.Kind.CANCELLED, "migration cancelled", e);
        } catch (Throwable e) {
            if (!stop.isCancelled()) {
                stop.stop(
                        e instanceof VirtualMachineError ? RunStop.Kind.FATAL : RunStop.Kind.LISTING,
                        listingFailure(e),
                        e);
            }
        }
    }

    /** Lists on from where the job stopped and copies what the destination lacks or holds otherwise. */
    private void mainPass() throws InterruptedException {
        boolean listDestination = options.skipUnchanged();
        String after = range.listFrom(resume.watermark(), order.comparator());
        try (Stream<ObjectInfo> sources =
                        inRange(reader.read(source, prefix, after, false, order, order.sortSource()));
                Stream<ObjectInfo> destinations = listDestination
                        ? inRange(reader.read(destination, prefix, after, false, order, order.sortDestination()))
                        : Stream.empty()) {
            walk(planner(sources, destinations, listDestination ? match : null), false);
        }
    }

    /** Meets again every key the resumed checkpoint covered, skipping what is identical. */
    private void catchUpPass() throws InterruptedException {
        LOG.info(
                "catching up: checking the keys up to '{}' that earlier runs of job {} finished",
                resume.catchUpEnd(),
                jobId);
        String after = range.startAfter();
        try (Stream<ObjectInfo> sources = reader.read(source, prefix, after, false, order, order.sortSource())
                        .takeWhile(o -> order.atOrBefore(o.key(), resume.catchUpEnd()));
                Stream<ObjectInfo> destinations = reader.read(
                                destination, prefix, after, false, order, order.sortDestination())
                        .takeWhile(o -> order.atOrBefore(o.key(), resume.catchUpEnd()))) {
            walk(planner(sources, destinations, match), true);
        }
        if (ledger.recopied() > 0) {
            LOG.info("copied {} objects again that changed after earlier runs had migrated them", ledger.recopied());
        }
    }

    /** {@code listing} cut after the end of the run's key range. */
    private Stream<ObjectInfo> inRange(Stream<ObjectInfo> listing) {
        return range.cut(listing, ObjectInfo::key, order.comparator());
    }

    private Planner planner(Stream<ObjectInfo> sources, Stream<ObjectInfo> destinations, ContentMatch comparing) {
        return new Planner(
                new ListingJoin(sources.iterator(), destinations.iterator(), order.comparator()),
                comparing,
                options.filter());
    }

    private void walk(Planner plan, boolean catchUp) throws InterruptedException {
        while (!stop.isSet() && plan.hasNext()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("the lister was interrupted");
            }
            PlannedObject planned = plan.next();
            if (catchUp && !resume.covers(planned.source().key(), order)) {
                continue;
            }
            if (budget.maxRate() < 1.0) {
                budget.exceededBy(ledger.progress())
                        .ifPresent(reason -> stop.stop(RunStop.Kind.FAILURE_BUDGET, reason, null));
            }
            if (stop.isSet()) {
                return;
            }
            dispatch(planned, catchUp);
        }
    }

    private void dispatch(PlannedObject planned, boolean catchUp) throws InterruptedException {
        ObjectInfo object = planned.source();
        RunLedger.Ticket ticket;
        if (catchUp) {
            ticket = ledger.revisit(object, planned.twin() != null);
        } else if (options.dryRun()) {
            ticket = ledger.plan(object);
        } else {
            ledger.awaitWindowBelow(stop::isSet);
            ticket = ledger.admit(object);
        }
        if (ticket == null) {
            return;
        }
        if (planned.action() == PlannedObject.Action.SKIP) {
            ledger.finish(ticket, ObjectOutcome.IDENTICAL, null, ObjectWork.planned(planned.reason()));
        } else if (options.dryRun()) {
            LOG.debug("dry run: would migrate '{}' ({} bytes)", object.key(), object.size());
            ledger.finish(ticket, ObjectOutcome.WOULD_COPY, null, ObjectWork.planned(planned.reason()));
        } else {
            scheduler.submit(ticket, planned.reason(), attempts -> {
                // how the object went, not how the run meant it to: a destination may stream what it cannot copy
                return transfer.copied(object, object.key(), attempts).outcome();
            });
        }
    }

    private Checkpoint checkpoint(boolean complete) {
        return ledger.checkpoint(
                jobId,
                source.name(),
                destination.name(),
                rawPrefix,
                order.order().name(),
                complete);
    }

    private String listingFailure(Throwable e) {
        String what =
                e instanceof StorageException || e instanceof ListingOrderException ? e.getMessage() : Messages.of(e);
        return "listing " + source.name()
                + (options.skipUnchanged() || resume.needsCatchUp() ? " and " + destination.name() : "")
                + " under prefix '" + rawPrefix + "' failed: " + what;
    }

    private Path spillFile(Path folder) {
        try {
            String name = "atlan-storage-failures-" + jobId + "-";
            return folder == null ? Files.createTempFile(name, ".jsonl") : Files.createTempFile(folder, name, ".jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file for the failures of job " + jobId, e);
        }
    }
}
