package com.atlan.storage.migrate;

import com.atlan.storage.store.ObjectInfo;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** Counts what a migration has done and forwards events to the caller's listener. */
final class ProgressTracker implements ProgressListener, VerifyingInputStream.ByteCounter {

    private final ProgressListener delegate;
    private final long startNanos = System.nanoTime();
    private final LongAdder listedFiles = new LongAdder();
    private final LongAdder listedBytes = new LongAdder();
    private final LongAdder migratedFiles = new LongAdder();
    private final LongAdder migratedBytes = new LongAdder();
    private final LongAdder skippedFiles = new LongAdder();
    private final LongAdder failedFiles = new LongAdder();
    private final LongAdder transferredBytes = new LongAdder();
    private volatile boolean listingComplete;

    ProgressTracker(ProgressListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onListed(ObjectInfo object) {
        listedFiles.increment();
        listedBytes.add(object.size());
        delegate.onListed(object);
    }

    @Override
    public void onListingComplete(long files, long bytes) {
        listingComplete = true;
        delegate.onListingComplete(files, bytes);
    }

    @Override
    public void add(long bytes) {
        onBytes(bytes);
    }

    @Override
    public void onBytes(long bytes) {
        transferredBytes.add(bytes);
        delegate.onBytes(bytes);
    }

    @Override
    public void onMigrated(ObjectInfo object) {
        migratedFiles.increment();
        migratedBytes.add(object.size());
        delegate.onMigrated(object);
    }

    /** A server-side copy: its bytes never passed through, but count as transferred. */
    void onCopiedServerSide(ObjectInfo object) {
        onBytes(object.size());
        onMigrated(object);
    }

    @Override
    public void onSkipped(ObjectInfo object) {
        skippedFiles.increment();
        delegate.onSkipped(object);
    }

    @Override
    public void onFailed(FailureRecord failure) {
        failedFiles.increment();
        delegate.onFailed(failure);
    }

    long listed() {
        return listedFiles.sum();
    }

    long migratedBytes() {
        return migratedBytes.sum();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    Progress snapshot() {
        return new Progress(
                listedFiles.sum(),
                listedBytes.sum(),
                listingComplete,
                migratedFiles.sum(),
                skippedFiles.sum(),
                failedFiles.sum(),
                transferredBytes.sum(),
                elapsed());
    }
}
