package com.atlan.storage.temporal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** What the Temporal tests read back from a workflow: shard results from its history, pending shards' heartbeats. */
final class TemporalTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TemporalTests() {}

    /** Every shard result the workflow's history holds (over all its runs when it continued as new). */
    static List<ShardResult> shardResults(WorkflowClient client, String workflowId) {
        List<ShardResult> results = new ArrayList<>();
        for (HistoryEvent event : history(client, workflowId)) {
            if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
                var payloads = event.getActivityTaskCompletedEventAttributes().getResult();
                JsonNode node = DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
                        0, Optional.of(payloads), JsonNode.class, JsonNode.class);
                if (node != null && node.has("totals")) {
                    results.add(JSON.convertValue(node, ShardResult.class));
                }
            }
        }
        return results;
    }

    /** The events of the workflow's latest run. */
    static List<HistoryEvent> history(WorkflowClient client, String workflowId) {
        return client.fetchHistory(workflowId).getEvents();
    }

    /** The heartbeats of the workflow's shards running now, by shard job id. */
    static Map<String, ShardHeartbeat> pendingHeartbeats(
            WorkflowServiceStubs service, String namespace, WorkflowExecution execution) {
        var response = service.blockingStub()
                .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace(namespace)
                        .setExecution(execution)
                        .build());
        Map<String, ShardHeartbeat> beats = new HashMap<>();
        for (PendingActivityInfo activity : response.getPendingActivitiesList()) {
            if (activity.hasHeartbeatDetails()
                    && activity.getActivityType().getName().equals("AtlanStorageMigrateShard")) {
                ShardHeartbeat beat = DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
                        0, Optional.of(activity.getHeartbeatDetails()), ShardHeartbeat.class, ShardHeartbeat.class);
                beats.put(activity.getActivityId() + "@" + activity.getLastWorkerIdentity(), beat);
            }
        }
        return beats;
    }

    /** Waits until {@code condition} holds, failing after {@code limit} (a bound on a hang, not a timing claim). */
    static void awaitTrue(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up waiting for " + what + " after " + limit);
            }
            Thread.sleep(50);
        }
    }
}
