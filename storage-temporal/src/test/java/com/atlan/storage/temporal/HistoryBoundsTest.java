package com.atlan.storage.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.accounting.FailureRecord;
import com.atlan.storage.migrate.MigrationSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workflow's bookkeeping at scale, with activities that plan and "migrate" instantly (one object per shard), so
 * only the workflow's own history is measured: what Temporal limits is the number of events per run.
 */
class HistoryBoundsTest {

    private static final String QUEUE = "history-bounds";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestWorkflowEnvironment env;
    private InstantShards activities;

    @BeforeEach
    void startServer() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(MigrationWorkflowImpl.class);
        activities = new InstantShards();
        worker.registerActivitiesImplementations(activities);
        env.start();
    }

    @AfterEach
    void stopServer() {
        env.close();
    }

    @Test
    void fiveThousandShardsContinueAsNewKeepingEachRunUnderTenThousandEvents() {
        activities.shards = 5_000;
        MigrationWorkflow workflow = env.getWorkflowClient()
                .newWorkflowStub(
                        MigrationWorkflow.class,
                        WorkflowOptions.newBuilder()
                                .setTaskQueue(QUEUE)
                                .setWorkflowId("five-thousand")
                                .build());
        WorkflowExecution first = WorkflowClient.start(
                workflow::run,
                MigrationRequest.builder("big/")
                        .objectsPerShard(1)
                        .maxParallelShards(200)
                        .build());
        MigrationSummary summary = WorkflowStub.fromTyped(workflow).getResult(MigrationSummary.class);

        assertThat(summary.totalFiles()).isEqualTo(5_000);
        assertThat(summary.migratedFiles()).isEqualTo(5_000);
        assertThat(summary.bytesMigrated()).isEqualTo(5_000 * 10L);
        assertThat(activities.migrated.get()).isEqualTo(5_000);
        List<Integer> eventsPerRun = eventsPerRun(first);
        assertThat(eventsPerRun)
                .hasSizeGreaterThan(1)
                .allSatisfy(events -> assertThat(events).isLessThan(10_000));
    }

    @Test
    void theSummaryTravelsAsAPayloadWithTheSpecsJsonNames() throws Exception {
        activities.shards = 3;
        activities.failEvery = 2;
        MigrationWorkflow workflow = env.getWorkflowClient()
                .newWorkflowStub(
                        MigrationWorkflow.class,
                        WorkflowOptions.newBuilder()
                                .setTaskQueue(QUEUE)
                                .setWorkflowId("payload")
                                .build());
        MigrationSummary summary = workflow.run(MigrationRequest.builder("out/")
                .stores("objectstore", "upstream-objectstore")
                .build());

        HistoryEvent completed = env.getWorkflowClient().fetchHistory("payload").getLastEvent();
        var payload = completed
                .getWorkflowExecutionCompletedEventAttributes()
                .getResult()
                .getPayloads(0);
        JsonNode json = JSON.readTree(payload.getData().toStringUtf8());
        assertThat(payload.getMetadataMap().get("encoding").toStringUtf8()).isEqualTo("json/plain");
        assertThat(json.get("total_files").asLong()).isEqualTo(3);
        assertThat(json.get("migrated_files").asLong()).isEqualTo(2);
        assertThat(json.get("failed_migrations").asLong()).isEqualTo(1);
        assertThat(json.get("failures").get(0).get("file").asText()).isEqualTo("out/k00001");
        assertThat(json.get("failures").get(0).get("error").asText()).isEqualTo("injected");
        assertThat(json.get("prefix").asText()).isEqualTo("out/");
        assertThat(json.get("source").asText()).isEqualTo("objectstore");
        assertThat(json.get("destination").asText()).isEqualTo("upstream-objectstore");
        assertThat(DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                        payload, MigrationSummary.class, MigrationSummary.class))
                .isEqualTo(summary);
    }

    /** The number of history events of each run of the workflow, following its continue-as-new chain. */
    private List<Integer> eventsPerRun(WorkflowExecution first) {
        List<Integer> sizes = new ArrayList<>();
        String runId = first.getRunId();
        while (runId != null) {
            var history = env.getWorkflowClient().fetchHistory(first.getWorkflowId(), runId);
            sizes.add(history.getEvents().size());
            HistoryEvent last = history.getLastEvent();
            runId = last.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
                    ? last.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId()
                    : null;
        }
        return sizes;
    }

    /** Plans {@code shards} one-object shards page by page and migrates each at once. */
    static final class InstantShards implements MigrationActivities {
        volatile int shards;
        volatile int failEvery;
        final AtomicInteger migrated = new AtomicInteger();

        @Override
        public ShardPlan planShards(PlanRequest request) {
            int from = request.after() == null
                    ? 0
                    : Integer.parseInt(
                                    request.after().substring(request.prefix().length() + 1))
                            + 1;
            int to = Math.min(shards, from + request.maxShards());
            List<ShardPlan.PlannedRange> ranges = new ArrayList<>();
            for (int i = from; i < to; i++) {
                ranges.add(new ShardPlan.PlannedRange(i == 0 ? null : key(request, i - 1), key(request, i), 1, 10));
            }
            String source = Optional.ofNullable(request.source()).orElse("objectstore");
            String destination = Optional.ofNullable(request.destination()).orElse("upstream-objectstore");
            return new ShardPlan(source, destination, ranges, key(request, to - 1), to >= shards);
        }

        @Override
        public ShardResult migrateShard(Shard shard) {
            migrated.incrementAndGet();
            if (failEvery > 0 && shard.index() % failEvery == 1) {
                return new ShardResult(
                        shard.index(),
                        new Totals(1, 0, 0, 1, 0),
                        List.of(new FailureRecord(shard.endAt(), "injected")),
                        null,
                        1,
                        0,
                        0);
            }
            return new ShardResult(shard.index(), new Totals(1, 1, 0, 0, 10), List.of(), null, 1, 0, 1);
        }

        private static String key(PlanRequest request, int i) {
            return request.prefix() + "k" + String.format("%05d", i);
        }
    }
}
