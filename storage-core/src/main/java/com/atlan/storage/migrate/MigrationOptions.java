package com.atlan.storage.migrate;

import com.atlan.storage.accounting.FailureLog;
import com.atlan.storage.accounting.ProgressListener;
import com.atlan.storage.filter.ObjectFilter;
import com.atlan.storage.limit.TransferLimits;
import com.atlan.storage.listing.KeyRange;
import com.atlan.storage.retry.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a migration. Build with {@link #builder()}; {@link #defaults()} gives adaptive concurrency
 * ({@link #AUTO}), {@link RetryPolicy#DEFAULT}, server-side copy where possible, no failure-rate limit, unchanged
 * objects skipped, a checkpoint every 5 s (when the migrator has a checkpoint store) and no resume.
 *
 * @param concurrency    transfers in flight at once (>= 1), or {@link #AUTO}: as many as the stores sustain, raised
 *                       while throughput grows and cut when a store throttles (see docs/performance.md)
 * @param retry          retries of transient failures per object
 * @param dryRun         list and plan only; nothing is written
 * @param maxFailureRate stop scheduling new transfers once failed/finished exceeds this (after at least
 *                       {@link #FAILURE_RATE_MIN_SAMPLE} finished objects); 1.0 never stops
 * @param serverSideCopy let the destination copy from the source without the bytes passing through here,
 *                       when it can
 * @param listener       receives progress events
 * @param skipUnchanged  skip source objects the destination already holds with the same content, judged from the
 *                       two listings alone (see docs/resume-and-integrity.md); on by default
 * @param resume         continue the job's last checkpoint instead of starting over (needs a checkpoint store)
 * @param jobId          the job's id, or {@code null} to derive it from source, destination and prefix
 * @param checkpointInterval how often to save the checkpoint while running
 * @param checkpoints    keep checkpoints and the job lock in the state store (see docs/state.md); on by default
 * @param filter         which source objects to migrate (by key glob, size, age); the others are neither copied nor
 *                       counted; {@link ObjectFilter#ALL} by default
 * @param limits         bandwidth (of the bytes read from the source) and request rate (per store) limits; none by
 *                       default
 * @param storeDecorator wraps both stores before the run (metrics, fault injection); none by default
 * @param failuresFile   a file listing every failure as JSON lines, written as they happen; {@code null}: only the
 *                       spill file the engine creates once more than {@code failuresKept} failed
 * @param failuresKept   failures kept in memory, in checkpoints and in the summary ({@link FailureLog#DEFAULT_CAP} by
 *                       default); the rest are counted and listed only in the failures file
 * @param keyRange       the part of the prefix to migrate, in the plan's key order ({@link KeyRange#ALL}: all of it);
 *                       counts, checkpoints and resume cover only that part, and a derived job id names it
 */
public record MigrationOptions(
        int concurrency,
        RetryPolicy retry,
        boolean dryRun,
        double maxFailureRate,
        boolean serverSideCopy,
        ProgressListener listener,
        boolean skipUnchanged,
        boolean resume,
        String jobId,
        Duration checkpointInterval,
        boolean checkpoints,
        ObjectFilter filter,
        TransferLimits limits,
        StoreDecorator storeDecorator,
        Path failuresFile,
        int failuresKept,
        KeyRange keyRange) {

    /** The default time between checkpoints. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

    /** Finished objects needed before {@link #maxFailureRate} is applied, so one early failure does not stop a run. */
    public static final int FAILURE_RATE_MIN_SAMPLE = 20;

    /** {@link #concurrency()} chosen while running: 16 at first, up to {@value #MAX_AUTO_CONCURRENCY}. */
    public static final int AUTO = 0;

    /** The most transfers in flight {@link #AUTO} ever runs; connection pools are sized for it. */
    public static final int MAX_AUTO_CONCURRENCY = AdaptiveConcurrency.MAX;

    /** The default number of transfers in flight: {@link #AUTO}. */
    public static final int DEFAULT_CONCURRENCY = AUTO;

    public MigrationOptions {
        if (concurrency < 0) {
            throw new IllegalArgumentException("concurrency must be >= 1 (or AUTO), not " + concurrency);
        }
        if (!(maxFailureRate >= 0 && maxFailureRate <= 1)) {
            throw new IllegalArgumentException("maxFailureRate must be between 0 and 1, not " + maxFailureRate);
        }
        Objects.requireNonNull(retry, "retry");
        listener = listener == null ? ProgressListener.NONE : listener;
        checkpointInterval = checkpointInterval == null ? DEFAULT_CHECKPOINT_INTERVAL : checkpointInterval;
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpointInterval must be positive, not " + checkpointInterval);
        }
        jobId = jobId == null || jobId.isBlank() ? null : jobId.trim();
        filter = filter == null ? ObjectFilter.ALL : filter;
        limits = limits == null ? TransferLimits.NONE : limits;
        storeDecorator = storeDecorator == null ? StoreDecorator.NONE : storeDecorator;
        if (failuresKept < 1) {
            throw new IllegalArgumentException("failuresKept must be >= 1, not " + failuresKept);
        }
        keyRange = keyRange == null ? KeyRange.ALL : keyRange;
    }

    /** Whether the transfers in flight are chosen while running ({@link #AUTO}). */
    public boolean adaptiveConcurrency() {
        return concurrency == AUTO;
    }

    /** The most transfers that can be in flight at once: what stores size their connection pools for. */
    public int maxInFlight() {
        return adaptiveConcurrency() ? MAX_AUTO_CONCURRENCY : concurrency;
    }

    /** The default options. */
    public static MigrationOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder()
                .concurrency(concurrency)
                .retry(retry)
                .dryRun(dryRun)
                .maxFailureRate(maxFailureRate)
                .serverSideCopy(serverSideCopy)
                .listener(listener)
                .skipUnchanged(skipUnchanged)
                .resume(resume)
                .jobId(jobId)
                .checkpointInterval(checkpointInterval)
                .checkpoints(checkpoints)
                .filter(filter)
                .limits(limits)
                .storeDecorator(storeDecorator)
                .failuresFile(failuresFile)
                .failuresKept(failuresKept)
                .keyRange(keyRange);
    }

    /** Builds {@link MigrationOptions}. */
    public static final class Builder {
        private int concurrency = DEFAULT_CONCURRENCY;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private boolean dryRun;
        private double maxFailureRate = 1.0;
        private boolean serverSideCopy = true;
        private ProgressListener listener = ProgressListener.NONE;
        private boolean skipUnchanged = true;
        private boolean resume;
        private String jobId;
        private Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        private boolean checkpoints = true;
        private ObjectFilter filter = ObjectFilter.ALL;
        private TransferLimits limits = TransferLimits.NONE;
        private StoreDecorator storeDecorator = StoreDecorator.NONE;
        private Path failuresFile;
        private int failuresKept = FailureLog.DEFAULT_CAP;
        private KeyRange keyRange = KeyRange.ALL;

        private Builder() {}

        /** Transfers in flight at once, or {@link #AUTO} (the default). */
        public Builder concurrency(int value) {
            this.concurrency = value;
            return this;
        }

        /** The retry policy for transient failures. */
        public Builder retry(RetryPolicy value) {
            this.retry = value;
            return this;
        }

        /** Attempts per object in all (keeps the default backoff). */
        public Builder maxAttempts(int value) {
            this.retry = new RetryPolicy(value, retry.initialBackoff(), retry.maxBackoff());
            return this;
        }

        /** List and plan only. */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /** Stop once this share of finished objects has failed. */
        public Builder maxFailureRate(double value) {
            this.maxFailureRate = value;
            return this;
        }

        /** Allow server-side copies. */
        public Builder serverSideCopy(boolean value) {
            this.serverSideCopy = value;
            return this;
        }

        /** Receives progress events. */
        public Builder listener(ProgressListener value) {
            this.listener = value;
            return this;
        }

        /** Skip objects the destination already holds with the same content (default on). */
        public Builder skipUnchanged(boolean value) {
            this.skipUnchanged = value;
            return this;
        }

        /** Continue the job's last checkpoint (default off). */
        public Builder resume(boolean value) {
            this.resume = value;
            return this;
        }

        /** The job id; {@code null} derives it from source, destination and prefix. */
        public Builder jobId(String value) {
            this.jobId = value;
            return this;
        }

        /** Time between checkpoints (default 5 s). */
        public Builder checkpointInterval(Duration value) {
            this.checkpointInterval = value;
            return this;
        }

        /** Which source objects to migrate (see {@link ObjectFilter}). */
        public Builder filter(ObjectFilter value) {
            this.filter = value;
            return this;
        }

        /** Bandwidth and request-rate limits (see {@link TransferLimits}). */
        public Builder limits(TransferLimits value) {
            this.limits = value;
            return this;
        }

        /** Adds a decorator around both stores, outside those added before; {@code null} removes them all. */
        public Builder storeDecorator(StoreDecorator value) {
            StoreDecorator before = storeDecorator;
            this.storeDecorator = value == null
                    ? StoreDecorator.NONE
                    : before.equals(StoreDecorator.NONE) ? value : before.andThen(value);
            return this;
        }

        /** A file to list every failure in, as JSON lines written as they happen ({@code null}: none). */
        public Builder failuresFile(Path value) {
            this.failuresFile = value;
            return this;
        }

        /** Failures kept in memory, checkpoints and the summary before the rest are only counted and filed. */
        public Builder failuresKept(int value) {
            this.failuresKept = value;
            return this;
        }

        /** Keep checkpoints and the job lock in the state store (default on). */
        public Builder checkpoints(boolean value) {
            this.checkpoints = value;
            return this;
        }

        /** Migrate only the keys of the prefix after {@code startAfter} up to and including {@code endAt}. */
        public Builder keyRange(String startAfter, String endAt) {
            return keyRange(new KeyRange(startAfter, endAt));
        }

        /** Migrate only the keys of the prefix in {@code value} ({@link KeyRange#ALL} by default). */
        public Builder keyRange(KeyRange value) {
            this.keyRange = value;
            return this;
        }

        /** The options. */
        public MigrationOptions build() {
            return new MigrationOptions(
                    concurrency,
                    retry,
                    dryRun,
                    maxFailureRate,
                    serverSideCopy,
                    listener,
                    skipUnchanged,
                    resume,
                    jobId,
                    checkpointInterval,
                    checkpoints,
                    filter,
                    limits,
                    storeDecorator,
                    failuresFile,
                    failuresKept,
                    keyRange);
        }
    }
}
