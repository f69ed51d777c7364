package com.atlan.storage.services;

import com.atlan.storage.migrate.MigrationSummary;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spec's "Incremental Migration" example in Java, line by line: the static {@link AtlanStorage} and
 * {@link StateStore} calls configure themselves from the environment as the SDK's class methods do. Temporal's
 * {@code workflow.execute_activity(process_batch, ...)} becomes a plain call here.
 */
public final class IncrementalDataPipeline {

    private static final Logger logger = LoggerFactory.getLogger(IncrementalDataPipeline.class);

    public String run(String pipelineId) {
        List<String> batches = List.of("batch_001", "batch_002", "batch_003");
        for (String batchId : batches) {
            // Process batch
            String batchPrefix = "processing/" + pipelineId + "/" + batchId + "/";
            processBatch(batchPrefix, batches.indexOf(batchId) + 1);

            // Migrate batch results immediately
            MigrationSummary summary = AtlanStorage.migrateFromObjectstoreToAtlan(batchPrefix);

            // Track migration in state
            StateStore.saveState(
                    "migration_" + batchId,
                    Map.of(
                            "total_files", summary.totalFiles(),
                            "migrated_files", summary.migratedFiles(),
                            "failed_migrations", summary.failedMigrations()),
                    pipelineId,
                    StateType.WORKFLOWS);

            // Handle failures
            if (summary.failedMigrations() > 0) {
                logger.warn("Batch {} migration had {} failures", batchId, summary.failedMigrations());
                // Optionally retry or alert
            }
        }
        return "Pipeline completed";
    }

    /** The example's {@code process_batch} activity: writes {@code files} results under the batch's prefix. */
    static void processBatch(String batchPrefix, int files) {
        try (ObjectStore deployment = ObjectStore.fromEnvironment()) {
            for (int i = 0; i < files; i++) {
                deployment.uploadFileFromBytes(
                        ("{\"row\":" + i + "}").getBytes(StandardCharsets.UTF_8), batchPrefix + "part-" + i + ".json");
            }
        }
    }

    public static void main(String[] args) {
        System.out.println(new IncrementalDataPipeline().run(args[0]));
    }
}
