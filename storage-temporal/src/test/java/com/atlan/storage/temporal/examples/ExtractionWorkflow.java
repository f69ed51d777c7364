package com.atlan.storage.temporal.examples;

import com.atlan.storage.temporal.AtlanUploadActivities;
import com.atlan.storage.temporal.AtlanUploadActivities.UploadStatistics;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * An application workflow ported from the SDK: its output is staged under {@code outputPath}, then the exit activity
 * {@code upload_to_atlan} copies it to Atlan storage with the SDK's retry policy.
 */
@WorkflowInterface
public interface ExtractionWorkflow {

    @WorkflowMethod
    UploadStatistics run(String outputPath);

    /** The workflow. */
    final class Impl implements ExtractionWorkflow {
        private final ExampleActivities work =
                Workflow.newActivityStub(ExampleActivities.class, AtlanUploadActivities.options());
        private final AtlanUploadActivities exit =
                Workflow.newActivityStub(AtlanUploadActivities.class, AtlanUploadActivities.options());

        @Override
        public UploadStatistics run(String outputPath) {
            work.processAndStoreData(outputPath);
            return exit.uploadToAtlan(outputPath);
        }
    }
}
