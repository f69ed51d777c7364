package com.atlan.storage.temporal;

import com.atlan.storage.migrate.MigrationSummary;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The {@link MigrationWorkflow}: a loop that keeps up to {@link MigrationRequest#maxParallelShards()} shard
 * activities running, plans the next page of shards while they run, merges each result as it comes, and drains then
 * continues as new when the history nears its budget. Deterministic: no clocks, threads or unordered maps.
 */
public final class MigrationWorkflowImpl implements MigrationWorkflow {

    /** History events after which the workflow stops starting shards and continues as new once they finish. */
    static final long DRAIN_AT_EVENTS = 9_000;

    /** History events a running shard adds until it is merged: its schedule, start and result, one workflow task. */
    static final long EVENTS_PER_RUNNING_SHARD = 6;

    /** History bytes at which the workflow drains (Temporal warns at 10 MB and fails at 50 MB). */
    static final long DRAIN_AT_BYTES = 8L << 20;

    private static final Logger LOG = Workflow.getLogger(MigrationWorkflowImpl.class);

    private record Running(Shard shard, CancellationScope scope, Promise<ShardResult> result) {}

    private MigrationRequest request;
    private String source;
    private String destination;
    private String jobId;
    private String planAfter;
    private boolean planComplete;
    private final Deque<ShardPlan.PlannedRange> pending = new ArrayDeque<>();
    private final Map<Integer, Running> running = new LinkedHashMap<>();
    private Promise<ShardPlan> planning;
    private int nextIndex;
    private long plannedObjects;
    private long plannedBytes;
    private MergedResults merged = MergedResults.empty();
    private int runs;
    private long startedAtMs;

    @Override
    public MigrationSummary run(MigrationRequest migration) {
        restore(migration);
        MigrationActivities plans =
                Workflow.newActivityStub(MigrationActivities.class, ShardActivityOptions.planning(request));
        MigrationActivities shards =
                Workflow.newActivityStub(MigrationActivities.class, ShardActivityOptions.shard(request));
        try {
            return loop(plans, shards);
        } catch (CanceledFailure cancelled) {
            awaitCancelledShards();
            throw cancelled;
        }
    }

    /**
     * Waits, outside the cancelled scope, until every running shard has acknowledged its cancellation (the activities
     * stop their migrations when their next heartbeat hears of it), so a cancelled workflow leaves no copy running.
     */
    private void awaitCancelledShards() {
        Workflow.newDetachedCancellationScope(() -> {
                    for (Running r : running.values()) {
                        try {
                            r.result().get();
                        } catch (RuntimeException stopped) {
                            // A cancelled shard ends with a failure; that is what was asked.
                        }
                    }
                })
                .run();
        if (planning != null) {
            Workflow.newDetachedCancellationScope(() -> {
                        try {
                            planning.get();
                        } catch (RuntimeException stopped) {
                            // as above
                        }
                    })
                    .run();
        }
        LOG.info(
                "job {} cancelled after {} shards; {} running shards stopped",
                jobId,
                merged.shardsDone(),
                running.size());
    }

    private MigrationSummary loop(MigrationActivities plans, MigrationActivities shards) {
        boolean draining = false;
        while (true) {
            harvest();
            if (planning != null && planning.isCompleted()) {
                RuntimeException failed = planning.getFailure();
                if (failed != null) {
                    // Planning retries transient errors itself; past that (a store the workers lack, a listing that
                    // keeps failing) the job stops as a failing shard stops it, with the summary so far.
                    planning = null;
                    stop("planning the shards failed: " + describe(failed));
                }
                absorb(planning.get());
                planning = null;
            }
            draining = draining || historyNearlyFull();
            if (!draining && planning == null && !planComplete && pending.size() < request.maxParallelShards()) {
                planning = Async.function(plans::planShards, planRequest());
            }
            while (!draining && running.size() < request.maxParallelShards() && !pending.isEmpty()) {
                start(shards, pending.poll());
            }
            if (running.isEmpty() && planning == null && pending.isEmpty() && planComplete) {
                return summary(null);
            }
            if (draining && running.isEmpty() && planning == null) {
                LOG.info(
                        "job {}: continuing as new after {} shards ({} history events)",
                        jobId,
                        merged.shardsDone(),
                        Workflow.getInfo().getHistoryLength());
                Workflow.continueAsNew(request.continuing(state()));
            }
            Workflow.await(() -> (planning != null && planning.isCompleted())
                    || running.values().stream().anyMatch(r -> r.result().isCompleted()));
        }
    }

    @Override
    public MigrationProgress progress() {
        return new MigrationProgress(
                request == null ? "" : request.prefix(),
                source,
                destination,
                merged.totals(),
                plannedObjects,
                plannedBytes,
                planComplete,
                merged.shardsDone(),
                running.size(),
                pending.size(),
                running.values().stream().map(r -> r.shard().jobId()).toList(),
                runs,
                request == null ? 0 : Workflow.currentTimeMillis() - startedAtMs,
                startedAtMs);
    }

    private void restore(MigrationRequest migration) {
        request = migration;
        MigrationState s = migration.continued();
        if (s == null) {
            source = migration.source();
            destination = migration.destination();
            jobId = migration.jobId() != null
                    ? migration.jobId()
                    : Workflow.getInfo().getWorkflowId();
            startedAtMs = Workflow.currentTimeMillis();
            runs = 1;
            return;
        }
        source = s.source();
        destination = s.destination();
        jobId = s.jobId();
        planAfter = s.planAfter();
        planComplete = s.planComplete();
        pending.addAll(s.pending());
        nextIndex = s.nextIndex();
        plannedObjects = s.plannedObjects();
        plannedBytes = s.plannedBytes();
        merged = MergedResults.of(s);
        runs = s.runs() + 1;
        startedAtMs = s.startedAtMs();
    }

    private MigrationState state() {
        return new MigrationState(
                source,
                destination,
                jobId,
                planAfter,
                planComplete,
                List.copyOf(pending),
                nextIndex,
                merged.shardsDone(),
                plannedObjects,
                plannedBytes,
                merged.totals(),
                merged.failures(),
                merged.failureFiles(),
                runs,
                startedAtMs);
    }

    private PlanRequest planRequest() {
        return new PlanRequest(
                request.prefix(),
                source,
                destination,
                request.settings().skipUnchanged(),
                planAfter,
                request.objectsPerShard(),
                request.bytesPerShard(),
                Math.max(10, Math.min(500, 2 * request.maxParallelShards())),
                // no shard has started before the first page: what is unfinished under the prefix is earlier runs'
                planAfter == null && !request.settings().dryRun());
    }

    private void absorb(ShardPlan page) {
        source = page.source();
        destination = page.destination();
        for (ShardPlan.PlannedRange range : page.ranges()) {
            pending.add(range);
            plannedObjects += range.objects();
            plannedBytes += range.bytes();
        }
        planAfter = page.next();
        planComplete = page.complete();
    }

    private void start(MigrationActivities shards, ShardPlan.PlannedRange range) {
        int index = nextIndex++;
        int room = merged.reserveRoom();
        Shard shard = new Shard(
                index,
                jobId + "-shard-" + index,
                request.prefix(),
                source,
                destination,
                range.startAfter(),
                range.endAt(),
                range.objects(),
                request.settings(),
                room);
        Promise<ShardResult>[] result = newPromiseHolder();
        CancellationScope scope =
                Workflow.newCancellationScope(() -> result[0] = Async.function(shards::migrateShard, shard));
        scope.run();
        running.put(index, new Running(shard, scope, result[0]));
    }

    @SuppressWarnings("unchecked")
    private static Promise<ShardResult>[] newPromiseHolder() {
        return (Promise<ShardResult>[]) new Promise<?>[1];
    }

    /** Merges every finished shard; stops the job when one stopped or the failure budget is spent. */
    private void harvest() {
        List<Running> done =
                running.values().stream().filter(r -> r.result().isCompleted()).toList();
        for (Running r : done) {
            running.remove(r.shard().index());
            merged.release(r.shard().failureRoom());
            RuntimeException failure = r.result().getFailure();
            if (failure == null) {
                merge(r.result().get());
                continue;
            }
            ShardResult partial = partialResult(failure);
            if (partial != null) {
                merge(partial);
            }
            stop("shard " + r.shard().index() + " " + r.shard().range() + " failed: " + describe(failure));
        }
        merged.budgetExceeded(request.settings().maxFailureRate()).ifPresent(this::stop);
    }

    private void merge(ShardResult result) {
        merged.merge(result);
        if (result.attempt() > 1) {
            LOG.info(
                    "shard {} finished on attempt {}, resumed with {} objects done, copied {} more",
                    result.index(),
                    result.attempt(),
                    result.resumedFiles(),
                    result.copiedThisAttempt());
        }
    }

    /** Cancels the running shards and fails the workflow with the summary so far. */
    private void stop(String reason) {
        for (Running r : running.values()) {
            r.scope().cancel("the migration stopped: " + reason);
        }
        for (Running r : running.values()) {
            if (r.result().getFailure() == null) {
                // Finished before the cancel reached it: its work counts.
                merge(r.result().get());
            }
        }
        running.clear();
        LOG.error("job {} stopped: {}", jobId, reason);
        throw ApplicationFailure.newNonRetryableFailure(reason, MIGRATION_STOPPED, summary(reason));
    }

    private static ShardResult partialResult(RuntimeException failure) {
        if (failure instanceof ActivityFailure activity
                && activity.getCause() instanceof ApplicationFailure app
                && MigrationActivities.SHARD_STOPPED.equals(app.getType())) {
            return app.getDetails().get(ShardResult.class);
        }
        return null;
    }

    private static String describe(RuntimeException failure) {
        Throwable cause =
                failure instanceof ActivityFailure && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof ApplicationFailure app ? app.getOriginalMessage() : cause.getMessage();
    }

    private MigrationSummary summary(String stoppedBecause) {
        if (stoppedBecause == null) {
            Totals totals = merged.totals();
            LOG.info(
                    "job {}: migrated {} of {} objects ({} failed) in {} shards over {} runs",
                    jobId,
                    totals.migratedFiles(),
                    totals.totalFiles(),
                    totals.failedMigrations(),
                    merged.shardsDone(),
                    runs);
        }
        return merged.summary(request.prefix(), source, destination, Workflow.currentTimeMillis() - startedAtMs);
    }

    private boolean historyNearlyFull() {
        var info = Workflow.getInfo();
        return info.getHistoryLength() + EVENTS_PER_RUNNING_SHARD * running.size() >= DRAIN_AT_EVENTS
                || info.getHistorySize() >= DRAIN_AT_BYTES
                || info.isContinueAsNewSuggested();
    }
}
