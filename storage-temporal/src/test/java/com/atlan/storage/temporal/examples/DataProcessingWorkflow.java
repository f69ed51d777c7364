package com.atlan.storage.temporal.examples;

import com.atlan.storage.migrate.MigrationSummary;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import org.slf4j.Logger;

/** The spec's "workflow completion migration": process, store, then migrate the results to Atlan storage. */
@WorkflowInterface
public interface DataProcessingWorkflow {

    @WorkflowMethod
    MigrationSummary run(String workflowId);

    /** The workflow; the migration runs as an activity (workflow code does no I/O in Java). */
    final class Impl implements DataProcessingWorkflow {
        private static final Logger LOG = Workflow.getLogger(Impl.class);

        private final ExampleActivities activities = Workflow.newActivityStub(
                ExampleActivities.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofHours(2))
                        .setHeartbeatTimeout(Duration.ofSeconds(30))
                        .build());

        @Override
        public MigrationSummary run(String workflowId) {
            String outputPrefix = "results/" + workflowId + "/";
            activities.processAndStoreData(outputPrefix);
            MigrationSummary migrationSummary = activities.migrateResults(outputPrefix);
            if (migrationSummary.failedMigrations() > 0) {
                LOG.warn("Migration completed with {} failures", migrationSummary.failedMigrations());
            } else {
                LOG.info("Successfully migrated {} files", migrationSummary.migratedFiles());
            }
            return migrationSummary;
        }
    }
}
