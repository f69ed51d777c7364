package com.atlan.storage.temporal;

import com.atlan.storage.accounting.Progress;
import com.atlan.storage.migrate.MigrationException;
import com.atlan.storage.migrate.MigrationHandle;
import com.atlan.storage.migrate.MigrationSummary;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowTargetOptions;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MigrationWorkflow} seen from a client: started, or attached to when a workflow with the same id is already
 * running, so running the same submission twice never migrates twice. It is a {@link MigrationHandle}: {@link
 * #completion()} ends as an in-process migration's does (the summary, or a {@link MigrationException} with the summary
 * so far when the workflow stopped), {@link #progress()} reads the workflow's {@code progress} query and the running
 * shards' heartbeats, and {@link #cancel()} cancels the workflow. Dropping the handle leaves the workflow running.
 */
public final class RemoteMigration implements MigrationHandle {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteMigration.class);

    /** Progress is read from the server at most this often, however often it is asked for. */
    private static final Duration POLL_EVERY = Duration.ofSeconds(1);

    private final WorkflowClient client;
    private final String workflowId;
    private final boolean attached;
    private final WorkflowStub latest;
    private final CompletableFuture<MigrationSummary> completion;
    private Progress last = new Progress(0, 0, false, 0, 0, 0, 0, Duration.ZERO);
    private long polledAtNanos;
    private boolean polled;

    private RemoteMigration(WorkflowClient client, String workflowId, boolean attached, WorkflowStub started) {
        this.client = client;
        this.workflowId = workflowId;
        this.attached = attached;
        // Without a run id: queries and results follow the workflow across continue-as-new.
        this.latest = latestRun(client, workflowId);
        this.completion = started.getResultAsync(MigrationSummary.class).handle((summary, failure) -> {
            if (failure != null) {
                throw stopped(workflowId, failure);
            }
            return summary;
        });
    }

    /**
     * Starts the migration workflow {@code workflowId} on {@code taskQueue}, or attaches to it when a workflow with
     * that id is running (its own request applies then, not {@code request}). A finished workflow with that id is
     * started again: a re-run copies only what is missing.
     */
    public static RemoteMigration startOrAttach(
            WorkflowClient client, String taskQueue, String workflowId, MigrationRequest request) {
        WorkflowStub stub = client.newUntypedWorkflowStub(
                MigrationWorkflow.TYPE,
                WorkflowOptions.newBuilder()
                        .setTaskQueue(taskQueue)
                        .setWorkflowId(workflowId)
                        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                        .build());
        try {
            WorkflowExecution execution = stub.start(request);
            LOG.info("started workflow {} (run {}) on task queue {}", workflowId, execution.getRunId(), taskQueue);
            return new RemoteMigration(client, workflowId, false, stub);
        } catch (WorkflowExecutionAlreadyStarted e) {
            LOG.info("workflow {} is already running; attaching to it", workflowId);
            return attach(client, workflowId);
        }
    }

    /** Attaches to the migration workflow {@code workflowId} (its latest run). */
    public static RemoteMigration attach(WorkflowClient client, String workflowId) {
        return new RemoteMigration(client, workflowId, true, latestRun(client, workflowId));
    }

    private static WorkflowStub latestRun(WorkflowClient client, String workflowId) {
        return client.newUntypedWorkflowStub(
                WorkflowTargetOptions.newBuilder().setWorkflowId(workflowId).build(),
                Optional.of(MigrationWorkflow.TYPE));
    }

    /** The workflow's id. */
    public String workflowId() {
        return workflowId;
    }

    /** Whether the workflow was already running (attached to) rather than started by this handle. */
    public boolean attached() {
        return attached;
    }

    /** What the workflow's {@code progress} query answers now. */
    public MigrationProgress remoteProgress() {
        return latest.query("progress", MigrationProgress.class);
    }

    @Override
    public CompletableFuture<MigrationSummary> completion() {
        return completion;
    }

    /**
     * The finished shards' counts plus the running shards' latest heartbeats, read from the server at most once a
     * second; the last snapshot when the server does not answer.
     */
    @Override
    public synchronized Progress progress() {
        long now = System.nanoTime();
        if ((polled && now - polledAtNanos < POLL_EVERY.toNanos()) || completion.isDone()) {
            return last;
        }
        polled = true;
        polledAtNanos = now;
        try {
            last = snapshot(remoteProgress(), runningShards(), System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.debug("progress of workflow {} not readable now: {}", workflowId, e.toString());
        }
        return last;
    }

    /** Cancels the workflow: every running shard stops, and {@link #completion()} fails once they have. */
    @Override
    public void cancel() {
        latest.cancel();
    }

    /**
     * A progress snapshot of the job: the finished shards' counts {@code p} plus the running shards' latest {@code
     * beats}, at wall-clock time {@code nowMs}.
     */
    static Progress snapshot(MigrationProgress p, List<ShardHeartbeat> beats, long nowMs) {
        Totals done = p.totals();
        long copied = done.migratedFiles() - done.skippedFiles();
        long skipped = done.skippedFiles();
        long failed = done.failedMigrations();
        long bytes = done.bytesMigrated();
        for (ShardHeartbeat beat : beats) {
            copied += beat.copiedFiles();
            skipped += beat.skippedFiles();
            failed += beat.failedFiles();
            bytes += beat.bytes();
        }
        long finished = copied + skipped + failed;
        // Shards report bytes copied, not bytes finished (skipped objects copy none): estimate by share of objects.
        long doneBytes = p.plannedObjects() == 0
                ? 0
                : (long) ((double) p.plannedBytes() * Math.min(finished, p.plannedObjects()) / p.plannedObjects());
        Duration elapsed = Duration.ofMillis(Math.max(p.elapsedMs(), nowMs - p.startedAtMs()));
        return new Progress(
                Math.max(p.plannedObjects(), finished),
                p.plannedBytes(),
                p.planComplete(),
                copied,
                skipped,
                failed,
                bytes,
                elapsed,
                doneBytes,
                0,
                0);
    }

    private List<ShardHeartbeat> runningShards() {
        var response = client.getWorkflowServiceStubs()
                .blockingStub()
                .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace(client.getOptions().getNamespace())
                        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                        .build());
        List<ShardHeartbeat> beats = new ArrayList<>();
        for (PendingActivityInfo activity : response.getPendingActivitiesList()) {
            if (activity.hasHeartbeatDetails()
                    && activity.getActivityType().getName().equals(MigrationActivities.MIGRATE_SHARD)) {
                beats.add(DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
                        0, Optional.of(activity.getHeartbeatDetails()), ShardHeartbeat.class, ShardHeartbeat.class));
            }
        }
        return beats;
    }

    /** The message of the deepest application failure in the chain (the activity's own words), else the first's. */
    private static String innermostMessage(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApplicationFailure app) {
                message = app.getOriginalMessage();
            }
        }
        return message;
    }

    /** The exception {@link #completion()} fails with when the workflow did not return a summary. */
    private static RuntimeException stopped(String workflowId, Throwable failure) {
        Throwable f =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (f instanceof WorkflowFailedException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof ApplicationFailure app && MigrationWorkflow.MIGRATION_STOPPED.equals(app.getType())) {
                return new MigrationException(
                        app.getOriginalMessage(), failed, app.getDetails().get(MigrationSummary.class));
            }
            String how = switch (cause) {
                case CanceledFailure c -> "was cancelled";
                case TerminatedFailure t -> "was terminated";
                case TimeoutFailure t -> "timed out";
                case null -> "failed";
                default -> "failed: " + innermostMessage(cause);
            };
            return new IllegalStateException("workflow " + workflowId + " " + how, failed);
        }
        return f instanceof RuntimeException r ? r : new CompletionException(f);
    }
}
