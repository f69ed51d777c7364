package com.atlan.storage.migrate;

import com.atlan.storage.listing.KeyRange;
import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.state.CheckpointStore;
import com.atlan.storage.store.Backend;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Migrates every object a prefix selects from a source store to a destination store, keeping keys.
 *
 * <p>The listing is consumed as a stream, in one key order whatever the stores' own orders (sorted on disk when
 * needed); each object is handed to a virtual thread, and the lister blocks while {@link
 * MigrationOptions#concurrency()} transfers are in flight, so memory does not grow with the number of objects.
 * Transient failures of transfers and listings are retried with backoff. A failing object is recorded and the
 * migration goes on; a listing that keeps failing, an error that would fail every object, the failure budget or a
 * cancel stops it with a {@link MigrationException} carrying the summary so far, once the transfers in flight have
 * finished.
 *
 * <p>With {@link MigrationOptions#skipUnchanged()} the destination is listed alongside the source and objects
 * it already holds are skipped. With a {@link CheckpointStore} the job's progress is saved every {@link
 * MigrationOptions#checkpointInterval()} and at the end, and {@link MigrationOptions#resume()} continues from the
 * last checkpoint: it lists on from the watermark, then checks once more every key the checkpoint covered (retrying
 * its failures, copying what was added or changed there), and its summary covers the whole job. A dry run plans in
 * constant memory and may resume too: it reports what the resumed job would still do. With {@link
 * MigrationOptions#keyRange()} only that part of the prefix is listed, counted, checkpointed and resumed (the
 * derived job id names the range), so several migrations over adjoining ranges add up to one over the prefix.
 *
 * <pre>{@code
 * MigrationSummary summary = new Migrator(source, destination, "processed/2024/", MigrationOptions.defaults()).run();
 * }</pre>
 */
public final class Migrator {

    private final Backend source;
    private final Backend destination;
    private final String rawPrefix;
    private final MigrationOptions options;
    private final CheckpointStore checkpoints;
    private final String jobId;
    private final EngineLimits limits;

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
        this(source, destination, prefix, options, checkpoints, EngineLimits.DEFAULTS);
    }

    /** A migration with other internal bounds (tests reach them with few objects). */
    Migrator(
            Backend source,
            Backend destination,
            String prefix,
            MigrationOptions options,
            CheckpointStore checkpoints,
            EngineLimits limits) {
        this.source = Objects.requireNonNull(source, "source");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.rawPrefix = prefix == null ? "" : prefix;
        this.options = Objects.requireNonNull(options, "options");
        this.checkpoints = checkpoints;
        this.limits = Objects.requireNonNull(limits, "limits");
        if (options.resume() && checkpoints == null) {
            throw new IllegalArgumentException(
                    "resuming needs a checkpoint store; configure a state.sqlite state store");
        }
        this.jobId = options.jobId() != null ? options.jobId() : derivedJobId(source, destination, rawPrefix, options);
    }

    /** The job id of a migration without an explicit one: the prefix's, plus the key range when there is one. */
    private static String derivedJobId(Backend source, Backend destination, String prefix, MigrationOptions options) {
        String id = Checkpoint.jobIdFor(source.name(), destination.name(), prefix);
        KeyRange range = options.keyRange();
        if (range.isAll()) {
            return id;
        }
        // Each range of a prefix is a job of its own: its checkpoint must never be resumed by another range.
        return id + "-range-"
                + Checkpoint.jobIdFor(String.valueOf(range.startAfter()), String.valueOf(range.endAt()), "")
                        .replaceAll(".*-", "");
    }

    /** The id checkpoints of this migration are saved under. */
    public String jobId() {
        return jobId;
    }

    /**
     * Runs the migration on this thread and returns its summary.
     *
     * @throws MigrationException when the listing fails, an error would fail every object, the failure-rate limit is
     *                            passed, or the thread is interrupted; it carries the summary so far
     * @throws IllegalArgumentException when resuming a checkpoint of another source, destination or prefix
     */
    public MigrationSummary run() {
        return newRun().execute();
    }

    /**
     * Starts the migration on a background thread. Errors found before anything moves (an unreadable checkpoint,
     * a checkpoint of another migration) are thrown here.
     */
    public MigrationHandle start() {
        MigrationRun run = newRun();
        CompletableFuture<MigrationSummary> completion = new CompletableFuture<>();
        var unused = Thread.ofPlatform()
                .name("atlan-migration-" + destination.name())
                .daemon(true)
                .start(() -> {
                    try {
                        completion.complete(run.execute());
                    } catch (Throwable t) {
                        completion.completeExceptionally(t);
                    }
                });
        return MigrationHandle.of(completion, run::progress, run::cancel);
    }

    private MigrationRun newRun() {
        return new MigrationRun(source, destination, rawPrefix, options, checkpoints, jobId, limits);
    }
}
