package com.atlan.storage.temporal.examples;

import com.atlan.storage.migrate.MigrationSummary;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;

/** The spec's "incremental migration": each batch is processed, migrated at once and recorded in the state store. */
@WorkflowInterface
public interface IncrementalDataPipeline {

    @WorkflowMethod
    String run(String pipelineId);

    /** The workflow. */
    final class Impl implements IncrementalDataPipeline {
        private static final Logger LOG = Workflow.getLogger(Impl.class);

        private final ExampleActivities activities = Workflow.newActivityStub(
                ExampleActivities.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofMinutes(30))
                        .setHeartbeatTimeout(Duration.ofSeconds(30))
                        .build());

        @Override
        public String run(String pipelineId) {
            for (String batchId : List.of("batch_001", "batch_002", "batch_003")) {
                String batchPrefix = "processing/" + pipelineId + "/" + batchId + "/";
                activities.processAndStoreData(batchPrefix);
                MigrationSummary summary = activities.migrateResults(batchPrefix);
                activities.saveMigrationState(pipelineId, batchId, summary);
                if (summary.failedMigrations() > 0) {
                    LOG.warn("Batch {} migration had {} failures", batchId, summary.failedMigrations());
                }
            }
            return "Pipeline completed";
        }
    }
}
