package com.atlan.storage.temporal;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.IncompleteWritesSweep;
import com.atlan.storage.migrate.MigrationException;
import com.atlan.storage.migrate.MigrationHandle;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.migrate.Migrator;
import com.atlan.storage.retry.Retrier;
import com.atlan.storage.retry.RetryPolicy;
import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.KeyPrefix;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MigrationActivities} on a worker: stores come from the worker's {@link StorageConfiguration} (its Dapr
 * components), by the names the workflow passes.
 *
 * <p>A shard resumes from the checkpoint its last heartbeat carried, not from a state store: the retry may run on
 * another machine that shares no file with the lost one, and the heartbeat travels with the activity through the
 * Temporal server to whichever worker takes it.
 */
public final class MigrationActivitiesImpl implements MigrationActivities {

    /** The largest checkpoint a heartbeat carries (Temporal warns on payloads over 512 KiB). */
    static final int MAX_HEARTBEAT_CHECKPOINT_BYTES = 128 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(MigrationActivitiesImpl.class);

    private final StorageConfiguration configuration;
    private final ShardPlanner planner = new ShardPlanner();

    /** Activities over the stores of {@code configuration}. */
    public MigrationActivitiesImpl(StorageConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    @Override
    public ShardPlan planShards(PlanRequest request) {
        ActivityExecutionContext context = Activity.getExecutionContext();
        String source = request.source() != null
                ? request.source()
                : configuration.storeNames().deployment();
        String destination = request.destination() != null
                ? request.destination()
                : configuration.storeNames().upstream();
        AtomicLong listed = new AtomicLong();
        try (Backends stores = open(source, destination, 1);
                Heartbeater heartbeater = Heartbeater.start(context, listed::get, () -> {})) {
            if (request.sweep()) {
                IncompleteWritesSweep.run(
                        stores.destination(),
                        KeyPrefix.of(request.prefix()).key(),
                        request.prefix(),
                        Retrier.of(RetryPolicy.DEFAULT));
            }
            ShardPlan plan = planner.plan(stores.source(), stores.destination(), request, listed::set);
            if (heartbeater.cancellation() != null) {
                throw heartbeater.cancellation();
            }
            LOG.info(
                    "planned {} shards of prefix '{}' after '{}' ({} keys listed{})",
                    plan.ranges().size(),
                    request.prefix(),
                    request.after(),
                    listed.get(),
                    plan.complete() ? ", planning complete" : "");
            return plan;
        } catch (StorageConfigException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), CONFIGURATION);
        }
    }

    @Override
    public ShardResult migrateShard(Shard shard) {
        ActivityExecutionContext context = Activity.getExecutionContext();
        int attempt = context.getInfo().getAttempt();
        Checkpoint seed = context.getHeartbeatDetails(ShardHeartbeat.class)
                .map(ShardHeartbeat::checkpoint)
                .orElse(null);
        HeartbeatCheckpoints checkpoints = new HeartbeatCheckpoints(seed, MAX_HEARTBEAT_CHECKPOINT_BYTES);
        Duration every = Heartbeater.interval(context.getInfo().getHeartbeatTimeout());
        MigrationOptions options = shard.settings().options(shard.range(), shard.jobId(), every).toBuilder()
                .resume(seed != null)
                .build();
        long resumed = seed == null ? 0 : seed.totalFiles();
        if (seed != null) {
            LOG.info(
                    "shard {} (attempt {}) resumes after '{}' with {} objects done",
                    shard.jobId(),
                    attempt,
                    seed.watermark(),
                    resumed);
        }
        try (Backends stores = open(shard.source(), shard.destination(), options.concurrency())) {
            MigrationHandle handle =
                    new Migrator(stores.source(), stores.destination(), shard.prefix(), options, checkpoints).start();
            MigrationSummary summary = ActivityMigration.await(
                    context, handle, h -> ShardHeartbeat.of(checkpoints.latest(), h.progress()));
            return ShardResults.of(
                    shard, summary, attempt, resumed, handle.progress().migratedFiles());
        } catch (MigrationException e) {
            ShardResult partial = ShardResults.of(shard, e.partialSummary(), attempt, resumed, 0);
            String message = "shard " + shard.index() + " " + shard.range() + " stopped: " + e.getMessage();
            // A listing that kept failing transiently may pass on a later attempt (which resumes); anything else
            // (an error that fails every object, the failure budget) would only stop again.
            boolean retryable = e.getCause() instanceof StorageException s && s.isRetryable();
            throw retryable
                    ? ApplicationFailure.newFailure(message, SHARD_STOPPED, partial)
                    : ApplicationFailure.newNonRetryableFailure(message, SHARD_STOPPED, partial);
        } catch (StorageConfigException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), CONFIGURATION);
        }
    }

    private Backends open(String source, String destination, int concurrency) {
        configuration.requireDistinct(source, destination);
        Backend from = configuration.objectStore(source, concurrency);
        try {
            return new Backends(from, configuration.objectStore(destination, concurrency));
        } catch (RuntimeException e) {
            from.close();
            throw e;
        }
    }

    /** The two stores of one activity, closed together. */
    private record Backends(Backend source, Backend destination) implements AutoCloseable {
        @Override
        public void close() {
            try {
                source.close();
            } finally {
                destination.close();
            }
        }
    }
}
