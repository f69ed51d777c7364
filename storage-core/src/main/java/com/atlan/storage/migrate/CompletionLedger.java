package com.atlan.storage.migrate;

import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.store.KeyOrder;
import com.atlan.storage.store.ObjectInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The job's book of finished keys, from which checkpoints are cut: counters, failures, and the low
 * watermark of a listing whose keys finish out of order.
 *
 * <p>Each listed key is scheduled in listing order and remembers the key listed before it. The watermark
 * is the key listed before the smallest key still in flight (or the last key listed when none is), so
 * every key at or before it is finished. Keys that finished above it are kept until it passes them; the
 * lister waits ({@link #awaitWindowBelow}) when they pile up behind one slow object, which bounds memory.
 * Failed keys are finished too; a resumed run retries them explicitly before listing on.
 *
 * <p>One lock guards everything, so a checkpoint's counters always agree with its keys.
 */
final class CompletionLedger {

    /** How a key finished. */
    enum Outcome {
        MIGRATED,
        SKIPPED,
        FAILED
    }

    private final Object lock = new Object();
    private final TreeMap<String, String> inFlight = new TreeMap<>(KeyOrder.COMPARATOR);
    private final TreeSet<String> doneAbove = new TreeSet<>(KeyOrder.COMPARATOR);
    private final Set<String> doneBefore;
    private final Map<String, String> failures = new TreeMap<>(KeyOrder.COMPARATOR);
    private String lastListed;
    private String watermark;
    private long migrated;
    private long skipped;
    private long bytes;
    private final long elapsedBeforeMs;

    private CompletionLedger(Checkpoint from) {
        if (from == null) {
            doneBefore = new HashSet<>();
            elapsedBeforeMs = 0;
            return;
        }
        watermark = from.watermark();
        lastListed = from.watermark();
        doneBefore = new HashSet<>(from.doneAboveWatermark());
        doneAbove.addAll(from.doneAboveWatermark());
        failures.putAll(from.failures());
        migrated = from.migratedFiles();
        skipped = from.skippedFiles();
        bytes = from.bytesMigrated();
        elapsedBeforeMs = from.elapsedMs();
    }

    /** A ledger for a new job. */
    static CompletionLedger fresh() {
        return new CompletionLedger(null);
    }

    /** A ledger continuing the job {@code checkpoint} describes. */
    static CompletionLedger resuming(Checkpoint checkpoint) {
        return new CompletionLedger(checkpoint);
    }

    /** Where a resumed listing starts: after this key ({@code null} from the beginning). */
    String watermark() {
        synchronized (lock) {
            return watermark;
        }
    }

    /** The failed keys as they stood when the run began, to retry. */
    List<String> failedKeys() {
        synchronized (lock) {
            return new ArrayList<>(failures.keySet());
        }
    }

    /**
     * Records that the listing reached {@code key}. Returns {@code false} when an earlier run of the job
     * already finished it (nothing more to do), {@code true} when it is now in flight.
     */
    boolean listed(String key) {
        synchronized (lock) {
            if (doneBefore.remove(key)) {
                inFlight.put(key, lastListed);
                lastListed = key;
                finishLocked(key);
                return false;
            }
            inFlight.put(key, lastListed);
            lastListed = key;
            return true;
        }
    }

    /** Records how a key in flight finished. */
    void finished(ObjectInfo object, Outcome outcome, String error) {
        synchronized (lock) {
            count(object, outcome, error);
            finishLocked(object.key());
        }
    }

    /** Records the result of retrying a key that had failed in an earlier run; {@code null} object when it is gone. */
    void retried(String key, ObjectInfo object, Outcome outcome, String error) {
        synchronized (lock) {
            failures.remove(key);
            if (object != null) {
                count(object, outcome, error);
            }
        }
    }

    /** Blocks while {@code limit} or more keys are finished above the watermark and some key is still in flight. */
    void awaitWindowBelow(int limit) throws InterruptedException {
        synchronized (lock) {
            while (doneAbove.size() >= limit && !inFlight.isEmpty()) {
                lock.wait(1000);
            }
        }
    }

    /** Objects finished in any way, over the whole job. */
    long total() {
        synchronized (lock) {
            return migrated + skipped + failures.size();
        }
    }

    long migrated() {
        synchronized (lock) {
            return migrated;
        }
    }

    long skipped() {
        synchronized (lock) {
            return skipped;
        }
    }

    long bytes() {
        synchronized (lock) {
            return bytes;
        }
    }

    /** The failures in key order. */
    List<FailureRecord> failures() {
        synchronized (lock) {
            return failures.entrySet().stream()
                    .map(e -> new FailureRecord(e.getKey(), e.getValue()))
                    .toList();
        }
    }

    /** A checkpoint of everything finished so far; {@code elapsedMs} is this run's share. */
    Checkpoint checkpoint(
            String jobId, String source, String destination, String prefix, long elapsedMs, boolean complete) {
        synchronized (lock) {
            return new Checkpoint(
                    jobId,
                    source,
                    destination,
                    prefix,
                    watermark,
                    new ArrayList<>(doneAbove),
                    new LinkedHashMap<>(failures),
                    migrated,
                    skipped,
                    bytes,
                    elapsedBeforeMs + elapsedMs,
                    complete,
                    System.currentTimeMillis());
        }
    }

    /** Wall time of earlier runs of the job. */
    long elapsedBeforeMs() {
        return elapsedBeforeMs;
    }

    private void count(ObjectInfo object, Outcome outcome, String error) {
        switch (outcome) {
            case MIGRATED -> {
                migrated++;
                bytes += object.size();
            }
            case SKIPPED -> skipped++;
            case FAILED -> failures.put(object.key(), error);
        }
    }

    private void finishLocked(String key) {
        boolean wasFirst = !inFlight.isEmpty() && inFlight.firstKey().equals(key);
        inFlight.remove(key);
        doneAbove.add(key);
        if (wasFirst) {
            watermark = inFlight.isEmpty() ? lastListed : inFlight.firstEntry().getValue();
            if (watermark != null) {
                doneAbove.headSet(watermark, true).clear();
            }
            lock.notifyAll();
        }
    }
}
