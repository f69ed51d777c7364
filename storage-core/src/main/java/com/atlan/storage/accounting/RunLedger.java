package com.atlan.storage.accounting;

import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.StorageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one record of a migration run, and its only writer: each object the plan yields is booked in once
 * ({@link #admit}, {@link #plan} or {@link #revisit}) and out once ({@link #finish} or {@link #abandon}). Progress
 * snapshots, listener events, the failure budget's input, the job's totals and checkpoints are all views of it, so
 * they can never disagree.
 *
 * <p>Objects admitted in the main pass go through a {@link CompletionWindow} that turns out-of-order completions into
 * a low watermark; the lister waits ({@link #awaitWindowBelow}) while too many finished above it, which bounds
 * memory. Dry runs and the catch-up pass of a resumed job book objects without the window: constant memory.
 *
 * <p>A ledger continuing a checkpoint starts from its counters. Keys the checkpoint finished above its watermark
 * are passed over when listed again; its failures stay failures until the catch-up pass meets them again
 * ({@link #revisit}), and are dropped from the job when the source no longer has them ({@link
 * #dropUnmetFailures}). A revisit of a key the job already counted changes no count unless it fails.
 *
 * <p>One lock guards every count, so a checkpoint's counters always agree with its keys. Listener events are sent
 * outside it; a listener that throws is logged and ignored (except for a {@link VirtualMachineError}).
 */
public final class RunLedger {

    /** Keys finished above the watermark before the lister waits for a slow object. */
    public static final int DEFAULT_WINDOW = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(RunLedger.class);

    /** One object booked in and not yet out. */
    public static final class Ticket {
        private final ObjectInfo object;
        private final long seq;
        private final boolean counted;
        private boolean closed;
        private boolean started;

        private Ticket(ObjectInfo object, long seq, boolean counted) {
            this.object = object;
            this.seq = seq;
            this.counted = counted;
        }

        /** The object as listed. */
        public ObjectInfo object() {
            return object;
        }
    }

    private final Object lock = new Object();
    private final ListenerRelay relay;
    private final FailureLog failures;
    private final CompletionWindow window;
    private final int windowLimit;
    private final Set<String> carriedDone;
    private final Set<String> carriedFailures;
    private final long elapsedBeforeMs;
    private final long startNanos = System.nanoTime();
    private final LongAdder transferred = new LongAdder();
    private long copied;
    private long identical;
    private long wouldCopy;
    private long bytes;
    private long recopied;
    private long listedFiles;
    private long listedBytes;
    private long runCopied;
    private long runIdentical;
    private long runFailed;
    private long doneBytes;
    private long retries;
    private int inFlight;
    private boolean listingComplete;

    /**
     * A ledger for a new job ({@code from} {@code null}) or continuing the job {@code from} describes.
     *
     * @param windowLimit keys finished above the watermark before {@link #awaitWindowBelow} waits
     */
    public RunLedger(ProgressListener listener, Checkpoint from, FailureLog failures, int windowLimit) {
        this.relay = new ListenerRelay(listener);
        this.failures = failures;
        this.windowLimit = windowLimit;
        if (from == null) {
            window = new CompletionWindow(null);
            carriedDone = new HashSet<>();
            carriedFailures = new HashSet<>();
            elapsedBeforeMs = 0;
            return;
        }
        window = new CompletionWindow(from.watermark());
        carriedDone = new HashSet<>(from.doneAboveWatermark());
        from.failures().forEach(failures::carry);
        carriedFailures = new HashSet<>(from.failures().keySet());
        copied = from.migratedFiles();
        identical = from.skippedFiles();
        bytes = from.bytesMigrated();
        elapsedBeforeMs = from.elapsedMs();
    }

    /**
     * The main pass reached {@code object}: books it into the window. Returns {@code null} when an earlier run of the
     * job finished it (nothing to do).
     */
    public Ticket admit(ObjectInfo object) {
        long seq;
        synchronized (lock) {
            if (carriedDone.remove(object.key())) {
                window.openFinished(object.key());
                return null;
            }
            seq = window.open(object.key());
            countListed(object);
        }
        return relay.tell(new Ticket(object, seq, false), l -> l.onListed(object));
    }

    /**
     * A dry run's main pass reached {@code object}: books it without the window. Returns {@code null} when an
     * earlier run of the job finished it.
     */
    public Ticket plan(ObjectInfo object) {
        synchronized (lock) {
            if (carriedDone.remove(object.key())) {
                return null;
            }
            countListed(object);
        }
        return relay.tell(new Ticket(object, -1, false), l -> l.onListed(object));
    }

    /**
     * The catch-up pass of a resumed job met {@code object} again, a key the job's checkpoint covered. With a twin
     * at the destination the job counted it already (unless it is one of the checkpoint's failures, now retried);
     * without one it is new to the job.
     */
    public Ticket revisit(ObjectInfo object, boolean twinAtDestination) {
        boolean counted;
        synchronized (lock) {
            boolean failedBefore = carriedFailures.remove(object.key());
            if (failedBefore) {
                failures.remove(object.key());
            }
            counted = twinAtDestination && !failedBefore;
            countListed(object);
        }
        return relay.tell(new Ticket(object, -1, counted), l -> l.onListed(object));
    }

    /** Books {@code ticket} out with its outcome; {@code error} says why it failed. */
    public void finish(Ticket ticket, ObjectOutcome outcome, String error) {
        finish(ticket, outcome, error, ObjectWork.NONE);
    }

    /** The transfer of {@code ticket}'s object started: it counts as in flight until booked out. */
    public void started(Ticket ticket) {
        synchronized (lock) {
            if (ticket.closed || ticket.started) {
                throw new IllegalStateException("'" + ticket.object.key() + "' cannot start now");
            }
            ticket.started = true;
            inFlight++;
        }
        relay.tell(null, l -> l.onTransferStarted(ticket.object));
    }

    /**
     * Books {@code ticket} out with its outcome; {@code error} says why it failed and {@code work} what its plan said
     * and its transfer cost (for the {@link ObjectEvent}).
     */
    public void finish(Ticket ticket, ObjectOutcome outcome, String error, ObjectWork work) {
        ObjectInfo object = ticket.object;
        if (outcome == ObjectOutcome.CANCELLED) {
            throw new IllegalArgumentException("a cancelled transfer is booked out with abandon()");
        }
        synchronized (lock) {
            if (ticket.closed) {
                throw new IllegalStateException("'" + object.key() + "' was already finished");
            }
            close(ticket);
            count(ticket, outcome, error);
            if (ticket.seq >= 0 && window.close(ticket.seq)) {
                lock.notifyAll();
            }
        }
        if (outcome == ObjectOutcome.COPIED_SERVER_SIDE) {
            addBytes(object.size());
        }
        relay.ended(object, outcome, error, work);
    }

    private void close(Ticket ticket) {
        ticket.closed = true;
        if (ticket.started) {
            inFlight--;
        }
    }

    /** An attempt failed transiently with {@code failure} and is made again after {@code wait}. */
    public void retried(int attempt, StorageException failure, Duration wait) {
        synchronized (lock) {
            retries++;
        }
        RetryEvent event = RetryEvent.of(attempt, failure, wait);
        relay.tell(null, l -> l.onRetry(event));
    }

    /**
     * Books {@code ticket} out unfinished (its transfer was cancelled): the watermark stays before it, so a resumed
     * run does it again; it counts nowhere.
     */
    public void abandon(Ticket ticket) {
        abandon(ticket, ObjectWork.NONE);
    }

    /** {@link #abandon(Ticket)}, with what its transfer had cost when it was cancelled. */
    public void abandon(Ticket ticket, ObjectWork work) {
        synchronized (lock) {
            if (ticket.closed) {
                return;
            }
            close(ticket);
        }
        relay.ended(ticket.object, ObjectOutcome.CANCELLED, null, work);
    }

    /** {@code n} more bytes were written for objects in flight. */
    public void addBytes(long n) {
        transferred.add(n);
        relay.tell(null, l -> l.onBytes(n));
    }

    /** Every pass has ended: the listed totals are final. */
    public void listingComplete() {
        long files;
        long listed;
        synchronized (lock) {
            listingComplete = true;
            files = listedFiles;
            listed = listedBytes;
        }
        relay.tell(null, l -> l.onListingComplete(files, listed));
    }

    /**
     * Waits while {@link #DEFAULT_WINDOW} (or the limit given) keys are finished above the watermark behind a key
     * still in flight, so memory stays bounded behind one slow object; returns early once {@code stop} holds.
     */
    public void awaitWindowBelow(BooleanSupplier stop) throws InterruptedException {
        synchronized (lock) {
            while (window.doneAboveCount() >= windowLimit && window.anyInFlight() && !stop.getAsBoolean()) {
                lock.wait(200);
            }
        }
    }

    /** Drops from the job the checkpoint's failures the catch-up pass did not meet: the source no longer has them. */
    public void dropUnmetFailures() {
        synchronized (lock) {
            if (!carriedFailures.isEmpty()) {
                LOG.info(
                        "{} objects that failed in an earlier run are no longer in the source; dropped from the job",
                        carriedFailures.size());
            }
            carriedFailures.forEach(failures::remove);
            carriedFailures.clear();
        }
    }

    /** What this run has done so far. */
    public Progress progress() {
        synchronized (lock) {
            return new Progress(
                    listedFiles,
                    listedBytes,
                    listingComplete,
                    runCopied,
                    runIdentical,
                    runFailed,
                    transferred.sum(),
                    elapsed(),
                    doneBytes,
                    retries,
                    inFlight);
        }
    }

    /** What the job has done over all its runs. */
    public JobTotals totals() {
        synchronized (lock) {
            return new JobTotals(
                    copied,
                    identical,
                    wouldCopy,
                    failures.count(),
                    failures.kept(),
                    failures.file(),
                    bytes,
                    elapsedBeforeMs + elapsed().toMillis());
        }
    }

    /** Objects the catch-up pass copied again because they changed after the job had counted them. */
    public long recopied() {
        synchronized (lock) {
            return recopied;
        }
    }

    /** A consistent checkpoint of everything finished so far, its watermark in the plan's {@code order}. */
    public Checkpoint checkpoint(
            String jobId, String source, String destination, String prefix, String order, boolean complete) {
        synchronized (lock) {
            List<String> doneAbove = window.doneAboveKeys();
            doneAbove.addAll(new ArrayList<>(carriedDone));
            Path file = failures.file();
            return new Checkpoint(
                    jobId,
                    source,
                    destination,
                    prefix,
                    window.watermark(),
                    doneAbove,
                    failures.keptMap(),
                    copied,
                    identical,
                    bytes,
                    elapsedBeforeMs + elapsed().toMillis(),
                    complete,
                    System.currentTimeMillis(),
                    order,
                    failures.spilled(),
                    file == null ? null : file.toString());
        }
    }

    /** Time since this run started. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private void countListed(ObjectInfo object) {
        listedFiles++;
        listedBytes += object.size();
    }

    private void count(Ticket ticket, ObjectOutcome outcome, String error) {
        ObjectInfo object = ticket.object;
        doneBytes += object.size();
        switch (outcome) {
            case COPIED, COPIED_SERVER_SIDE -> {
                runCopied++;
                bytes += object.size();
                if (ticket.counted) {
                    recopied++;
                } else {
                    copied++;
                }
            }
            case IDENTICAL -> {
                runIdentical++;
                if (!ticket.counted) {
                    identical++;
                }
            }
            case WOULD_COPY -> {
                if (!ticket.counted) {
                    wouldCopy++;
                }
            }
            case FAILED -> {
                runFailed++;
                failures.add(object.key(), error);
            }
            case CANCELLED -> throw new IllegalArgumentException("a cancelled transfer is not counted");
        }
    }
}
