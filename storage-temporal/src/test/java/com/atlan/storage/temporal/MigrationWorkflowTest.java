package com.atlan.storage.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.accounting.FailureRecord;
import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.services.AtlanStorage;
import com.atlan.storage.testing.KilledWrites;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sharded migration workflow on Temporal's in-process test server (real time: heartbeat timeouts must not be
 * skipped while shards run), over local folders configured by component files as a worker's would be.
 */
class MigrationWorkflowTest {

    private static final String QUEUE = "atlan-storage-test";

    @TempDir
    Path dir;

    private LocalStores stores;
    private StorageConfiguration configuration;
    private TestWorkflowEnvironment env;
    private Worker worker;

    @BeforeEach
    void startServer() {
        stores = new LocalStores(dir);
        configuration = stores.configuration();
        env = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
        worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(MigrationWorkflowImpl.class);
    }

    @AfterEach
    void stopServer() {
        env.close();
    }

    private MigrationWorkflow workflow(String id) {
        return env.getWorkflowClient()
                .newWorkflowStub(
                        MigrationWorkflow.class,
                        WorkflowOptions.newBuilder()
                                .setTaskQueue(QUEUE)
                                .setWorkflowId(id)
                                .build());
    }

    @Test
    void shardedSummaryCountsEqualASingleMachineRunOverTheSameData() {
        stores.writeObjects("data/", 6, 40);
        stores.write("data/part-2/bad-1.json", "x");
        stores.write("data/part-5/bad-2.json", "y");
        ConcurrencyProbe probe = new ConcurrencyProbe(new MigrationActivitiesImpl(configuration));
        worker.registerActivitiesImplementations(probe);
        env.start();

        MigrationSummary sharded = workflow("equal-counts")
                .run(MigrationRequest.builder("data/")
                        .stores("faulty-source", "upstream-objectstore")
                        .objectsPerShard(40)
                        .maxParallelShards(3)
                        .build());
        MigrationSummary single = new AtlanStorage(configuration, MigrationOptions.defaults())
                .migrate("data/", "faulty-source", "single");

        assertThat(sharded.totalFiles()).isEqualTo(single.totalFiles()).isEqualTo(242);
        assertThat(sharded.migratedFiles()).isEqualTo(single.migratedFiles()).isEqualTo(240);
        assertThat(sharded.failedMigrations())
                .isEqualTo(single.failedMigrations())
                .isEqualTo(2);
        assertThat(sharded.skippedFiles()).isEqualTo(single.skippedFiles());
        assertThat(sharded.bytesMigrated()).isEqualTo(single.bytesMigrated());
        assertThat(sorted(sharded.failures())).isEqualTo(sorted(single.failures()));
        assertThat(sharded.prefix()).isEqualTo("data/");
        assertThat(sharded.source()).isEqualTo("faulty-source");
        assertThat(sharded.destination()).isEqualTo("upstream-objectstore");
        assertThat(stores.tree("upstream")).isEqualTo(stores.tree("single")).hasSize(240);
        assertThat(TemporalTests.shardResults(env.getWorkflowClient(), "equal-counts"))
                .hasSizeGreaterThan(3);
    }

    @Test
    void runsAtMostTheRequestedShardsAtOnce() {
        stores.writeObjects("data/", 8, 10);
        ConcurrencyProbe probe = new ConcurrencyProbe(new MigrationActivitiesImpl(configuration));
        worker.registerActivitiesImplementations(probe);
        env.start();

        MigrationSummary summary = workflow("at-most-two")
                .run(MigrationRequest.builder("data/")
                        .stores("slow-source", "upstream-objectstore")
                        .objectsPerShard(10)
                        .maxParallelShards(2)
                        .build());

        assertThat(summary.migratedFiles()).isEqualTo(80);
        assertThat(probe.shards.get()).isEqualTo(8);
        assertThat(probe.most.get()).isEqualTo(2);
    }

    @Test
    void aRerunFindsEverythingIdenticalAndCopiesNothing() {
        stores.writeObjects("data/", 3, 20);
        worker.registerActivitiesImplementations(new MigrationActivitiesImpl(configuration));
        env.start();
        MigrationRequest request = MigrationRequest.builder("data/")
                .stores("objectstore", "upstream-objectstore")
                .objectsPerShard(25)
                .build();

        workflow("first").run(request);
        MigrationSummary again = workflow("again").run(request);

        assertThat(again.totalFiles()).isEqualTo(60);
        assertThat(again.migratedFiles()).isEqualTo(60);
        assertThat(again.skippedFiles()).isEqualTo(60);
        assertThat(again.bytesMigrated()).isZero();
    }

    @Test
    void aRunRemovesWhatKilledShardsOfEarlierRunsLeftUnderItsPrefixBeforeItsShardsStart() throws Exception {
        stores.writeObjects("data/", 3, 10);
        Path underPrefix = KilledWrites.partialFile(dir.resolve("upstream/data/part-1"));
        Path elsewhere = KilledWrites.partialFile(dir.resolve("upstream/other"));
        worker.registerActivitiesImplementations(new MigrationActivitiesImpl(configuration));
        env.start();
        MigrationRequest.Builder request = MigrationRequest.builder("data/")
                .stores("objectstore", "upstream-objectstore")
                .objectsPerShard(10);

        // copying blind: no shard lists the destination (a listing of local folders drops abandoned partial files too)
        MigrationOptions blind =
                MigrationOptions.defaults().toBuilder().skipUnchanged(false).build();

        workflow("dry")
                .run(request.options(blind.toBuilder().dryRun(true).build()).build());
        assertThat(underPrefix)
                .as("a dry run writes nothing and removes nothing")
                .exists();

        MigrationSummary summary = workflow("sweeps").run(request.options(blind).build());

        assertThat(summary.migratedFiles()).isEqualTo(30);
        assertThat(underPrefix).doesNotExist();
        assertThat(elsewhere).as("outside the prefix").exists();
    }

    @Test
    void cancellingTheWorkflowStopsItsRunningShards() throws Exception {
        stores.writeObjects("data/", 4, 50);
        worker.registerActivitiesImplementations(new MigrationActivitiesImpl(configuration));
        env.start();
        MigrationWorkflow workflow = workflow("cancelled");
        WorkflowClient.start(
                workflow::run,
                MigrationRequest.builder("data/")
                        .stores("slow-source", "upstream-objectstore")
                        .options(MigrationOptions.builder().concurrency(1).build())
                        .objectsPerShard(50)
                        .maxParallelShards(2)
                        .heartbeatTimeout(Duration.ofSeconds(2))
                        .build());
        TemporalTests.awaitTrue(
                "two shards running",
                Duration.ofSeconds(30),
                () -> workflow.progress().shardsRunning() == 2);

        WorkflowStub stub = WorkflowStub.fromTyped(workflow);
        stub.cancel();

        assertThatThrownBy(() -> stub.getResult(MigrationSummary.class))
                .isInstanceOf(WorkflowFailedException.class)
                .hasCauseInstanceOf(CanceledFailure.class);
        long cancelledShards = TemporalTests.history(env.getWorkflowClient(), "cancelled").stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED)
                .count();
        assertThat(cancelledShards).isEqualTo(2);
        assertThat(stores.tree("upstream").size()).isLessThan(200);
    }

    @Test
    void aStoreTheWorkersLackStopsTheWorkflowWithTheSummarySoFarAndTheStoreNamed() {
        worker.registerActivitiesImplementations(new MigrationActivitiesImpl(configuration));
        env.start();

        assertThatThrownBy(() -> workflow("missing-store")
                        .run(MigrationRequest.builder("data/")
                                .stores("no-such-store", "upstream-objectstore")
                                .build()))
                .isInstanceOf(WorkflowFailedException.class)
                .cause()
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo(MigrationWorkflow.MIGRATION_STOPPED);
                    assertThat(failure.getOriginalMessage())
                            .startsWith("planning the shards failed")
                            .contains("no-such-store");
                    assertThat(failure.getDetails().get(MigrationSummary.class).totalFiles())
                            .isZero();
                });
    }

    @Test
    void aShardWhoseWorkerIsLostResumesFromItsLastHeartbeatWithoutRecopying() throws Exception {
        stores.writeObjects("data/", 2, 60);
        WorkerFactory lost = WorkerFactory.newInstance(env.getWorkflowClient());
        lost.newWorker(QUEUE).registerActivitiesImplementations(new MigrationActivitiesImpl(configuration));
        env.start();
        lost.start();
        MigrationWorkflow workflow = workflow("lost-worker");
        WorkflowExecution execution = WorkflowClient.start(
                workflow::run,
                MigrationRequest.builder("data/")
                        .stores("slow-source", "upstream-objectstore")
                        .options(MigrationOptions.builder().concurrency(1).build())
                        .objectsPerShard(200)
                        .maxParallelShards(1)
                        .heartbeatTimeout(Duration.ofSeconds(2))
                        .build());
        TemporalTests.awaitTrue(
                "a heartbeat with a checkpoint past 20 objects",
                Duration.ofSeconds(60),
                () ->
                        TemporalTests.pendingHeartbeats(env.getWorkflowServiceStubs(), env.getNamespace(), execution)
                                .values()
                                .stream()
                                .anyMatch(b ->
                                        b.checkpoint() != null && b.checkpoint().totalFiles() > 20));

        lost.shutdownNow();
        lost.awaitTermination(10, TimeUnit.SECONDS);
        WorkerFactory replacement = WorkerFactory.newInstance(env.getWorkflowClient());
        replacement.newWorker(QUEUE).registerActivitiesImplementations(new MigrationActivitiesImpl(configuration));
        replacement.start();
        MigrationSummary summary = WorkflowStub.fromTyped(workflow).getResult(MigrationSummary.class);
        replacement.shutdown();

        assertThat(summary.totalFiles()).isEqualTo(120);
        assertThat(summary.migratedFiles()).isEqualTo(120);
        assertThat(summary.failedMigrations()).isZero();
        assertThat(stores.tree("upstream")).isEqualTo(stores.tree("source"));
        List<ShardResult> results = TemporalTests.shardResults(env.getWorkflowClient(), "lost-worker");
        assertThat(results).hasSize(1);
        ShardResult shard = results.getFirst();
        assertThat(shard.attempt()).isGreaterThan(1);
        assertThat(shard.resumedFiles()).isGreaterThan(20);
        assertThat(shard.copiedThisAttempt()).isLessThanOrEqualTo(120 - shard.resumedFiles());
    }

    private static List<FailureRecord> sorted(List<FailureRecord> failures) {
        return failures.stream()
                .sorted(Comparator.comparing(FailureRecord::file))
                .toList();
    }

    /** Passes shards to the real activities, counting how many ran at once. */
    static final class ConcurrencyProbe implements MigrationActivities {
        private final MigrationActivities real;
        private final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger shards = new AtomicInteger();

        ConcurrencyProbe(MigrationActivities real) {
            this.real = real;
        }

        @Override
        public ShardPlan planShards(PlanRequest request) {
            return real.planShards(request);
        }

        @Override
        public ShardResult migrateShard(Shard shard) {
            shards.incrementAndGet();
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                return real.migrateShard(shard);
            } finally {
                now.decrementAndGet();
            }
        }
    }
}
