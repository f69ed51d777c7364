package com.atlan.storage.temporal;

import com.atlan.storage.accounting.FailureBudget;
import com.atlan.storage.accounting.FailureRecord;
import com.atlan.storage.accounting.Progress;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The finished shards of one job added up, inside the workflow: counts, the first {@value #MAX_FAILURES} failures
 * (each shard is given room for some of them before it starts, so the sum never overflows), and the workers' files
 * listing the rest. Deterministic: plain data, no clock, no I/O.
 */
final class MergedResults {

    /** Failures the job's summary keeps, as a local run's does. */
    static final int MAX_FAILURES = 1000;

    /** Failures one shard's result may carry, so one result stays small in the history. */
    static final int SHARD_FAILURE_ROOM = 100;

    /** Failure files the summary names (one per shard that overflowed its room). */
    static final int MAX_FAILURE_FILES = 100;

    private Totals totals;
    private long shardsDone;
    private final List<FailureRecord> failures;
    private final List<String> failureFiles;
    private int reserved;

    private MergedResults(Totals totals, long shardsDone, List<FailureRecord> failures, List<String> failureFiles) {
        this.totals = totals;
        this.shardsDone = shardsDone;
        this.failures = new ArrayList<>(failures);
        this.failureFiles = new ArrayList<>(failureFiles);
    }

    /** Nothing merged yet. */
    static MergedResults empty() {
        return new MergedResults(Totals.ZERO, 0, List.of(), List.of());
    }

    /** What earlier runs merged, carried over a continue-as-new. */
    static MergedResults of(MigrationState state) {
        return new MergedResults(state.totals(), state.shardsDone(), state.failures(), state.failureFiles());
    }

    /** Failures a shard starting now may report; give them back with {@link #release} when it ends. */
    int reserveRoom() {
        int room = Math.max(0, Math.min(SHARD_FAILURE_ROOM, MAX_FAILURES - failures.size() - reserved));
        reserved += room;
        return room;
    }

    /** Returns a finished shard's room. */
    void release(int room) {
        reserved -= room;
    }

    /** Adds one shard's result. */
    void merge(ShardResult result) {
        shardsDone++;
        totals = totals.plus(result.totals());
        for (FailureRecord failure : result.failures()) {
            if (failures.size() < MAX_FAILURES) {
                failures.add(failure);
            }
        }
        if (result.failuresFile() != null && failureFiles.size() < MAX_FAILURE_FILES) {
            failureFiles.add(result.failuresFile());
        }
    }

    /** Why the job must stop when its failures passed {@code maxFailureRate} (as the engine decides), else empty. */
    Optional<String> budgetExceeded(double maxFailureRate) {
        if (maxFailureRate >= 1.0) {
            return Optional.empty();
        }
        Progress progress = new Progress(
                totals.totalFiles(),
                0,
                false,
                totals.migratedFiles() - totals.skippedFiles(),
                totals.skippedFiles(),
                totals.failedMigrations(),
                totals.bytesMigrated(),
                Duration.ZERO);
        return new FailureBudget(maxFailureRate, MigrationOptions.FAILURE_RATE_MIN_SAMPLE).exceededBy(progress);
    }

    /** The job's summary. */
    MigrationSummary summary(String prefix, String source, String destination, long elapsedMs) {
        String file = null;
        if (totals.failedMigrations() > failures.size()) {
            file = failureFiles.isEmpty()
                    ? "(failures past the first " + failures.size() + " are in the workers' logs)"
                    : String.join(", ", failureFiles);
        }
        return new MigrationSummary(
                totals.totalFiles(),
                totals.migratedFiles(),
                totals.failedMigrations(),
                failures,
                prefix,
                source,
                destination,
                totals.skippedFiles(),
                totals.bytesMigrated(),
                elapsedMs,
                file);
    }

    Totals totals() {
        return totals;
    }

    long shardsDone() {
        return shardsDone;
    }

    List<FailureRecord> failures() {
        return List.copyOf(failures);
    }

    List<String> failureFiles() {
        return List.copyOf(failureFiles);
    }
}
