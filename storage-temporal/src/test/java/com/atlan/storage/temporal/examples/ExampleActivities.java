package com.atlan.storage.temporal.examples;

import com.atlan.storage.migrate.MigrationSummary;
import io.temporal.activity.ActivityInterface;
import java.util.Map;

/**
 * The activities of the spec's usage patterns, in Java. Each calls the library the way the spec's Python does:
 * {@code AtlanStorage.migrateFromObjectstoreToAtlan(prefix)} (directly in the batch pattern, else through {@link
 * com.atlan.storage.temporal.ActivityMigration}, which also heartbeats), {@code ObjectStore} and {@code StateStore}
 * class methods.
 */
@ActivityInterface
public interface ExampleActivities {

    /** Writes a workflow's (or a batch's) output under {@code prefix} in the deployment store. */
    void processAndStoreData(String prefix);

    /** Workflow completion migration: migrates {@code prefix} to Atlan storage. */
    MigrationSummary migrateResults(String prefix);

    /** Batch dataset migration: the three datasets of one date, each counted on its own. */
    Map<String, Map<String, Long>> migrateProcessedDatasets(String datePrefix);

    /** Selective migration with validation: reads every file first, reports what it cannot read, then migrates. */
    MigrationSummary validateAndMigrate(String prefix);

    /** Incremental migration: records one batch's counts in the state store. */
    void saveMigrationState(String pipelineId, String batchId, MigrationSummary summary);

    /** Failure handling: migrates and checks the failure rate against {@code maxFailureRate}. */
    Map<String, Object> safeMigration(String prefix, double maxFailureRate);
}
