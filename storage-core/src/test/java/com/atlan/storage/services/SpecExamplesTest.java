package com.atlan.storage.services;

import static com.atlan.storage.services.SdkStores.DEPLOYMENT;
import static com.atlan.storage.services.SdkStores.UPSTREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.migrate.FailureRecord;
import com.atlan.storage.migrate.MigrationException;
import com.atlan.storage.migrate.MigrationSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spec's usage examples, each written in Java the way a developer ports the Python (the first block of each
 * test is the example, line for line), run against local-folder stores configured by component files. The
 * incremental-migration example needs StateStore and lives with it.
 */
class SpecExamplesTest {

    private static final Logger logger = LoggerFactory.getLogger(SpecExamplesTest.class);

    @RegisterExtension
    final SdkStores stores = new SdkStores();

    // ---- Workflow Completion Migration ------------------------------------------------------------------------

    /** The workflow's run method: process, then migrate the results. */
    MigrationSummary dataProcessingWorkflow(String workflowId) {
        String outputPrefix = "results/" + workflowId + "/";
        processAndStoreData(outputPrefix);

        MigrationSummary migrationSummary = AtlanStorage.migrateFromObjectstoreToAtlan(outputPrefix);

        if (migrationSummary.failedMigrations() > 0) {
            logger.warn("Migration completed with {} failures", migrationSummary.failedMigrations());
        } else {
            logger.info("Successfully migrated {} files", migrationSummary.migratedFiles());
        }
        return migrationSummary;
    }

    /** The processing activity: stages its output locally and uploads it to the deployment store. */
    void processAndStoreData(String outputPrefix) {
        Path staging = stores.temporaryRoot.resolve(outputPrefix);
        for (int part = 0; part < 3; part++) {
            SdkStores.write(staging.resolve("part-" + part + ".json"), "{\"part\": " + part + "}");
        }
        SdkStores.write(staging.resolve("_SUCCESS"), "");
        ObjectStore.uploadPrefixAsync(staging, outputPrefix).join();
    }

    @Test
    void workflowCompletionMigration() {
        MigrationSummary summary = dataProcessingWorkflow("wf-42");

        assertThat(summary.failedMigrations()).isZero();
        assertThat(summary.migratedFiles()).isEqualTo(4).isEqualTo(summary.totalFiles());
        assertThat(stores.root(UPSTREAM).resolve("results/wf-42/part-2.json")).hasContent("{\"part\": 2}");
        assertThat(stores.root(UPSTREAM).resolve("results/wf-42/_SUCCESS")).isEmptyFile();
        assertThat(stores.temporaryRoot.resolve("results/wf-42/part-0.json"))
                .as("the staged output is removed once uploaded")
                .doesNotExist();

        // the migration step again, as a retried activity runs it: everything is there and identical
        MigrationSummary again = AtlanStorage.migrateFromObjectstoreToAtlan("results/wf-42/");
        assertThat(again.migratedFiles()).isEqualTo(again.totalFiles()).isEqualTo(4);
        assertThat(again.skippedFiles()).isEqualTo(4);
    }

    // ---- Batch Dataset Migration ----------------------------------------------------------------------------

    /** The activity: migrates every processed dataset of one date. */
    Map<String, Map<String, Long>> migrateProcessedDatasets(String datePrefix) {
        List<String> datasetTypes = List.of("customer_data", "transaction_data", "analytics_data");
        Map<String, Map<String, Long>> migrationResults = new LinkedHashMap<>();

        for (String datasetType : datasetTypes) {
            String prefix = "processed/" + datePrefix + "/" + datasetType + "/";
            logger.info("Migrating {} for {}", datasetType, datePrefix);

            MigrationSummary summary = AtlanStorage.migrateFromObjectstoreToAtlan(prefix);

            migrationResults.put(
                    datasetType,
                    Map.of(
                            "total", summary.totalFiles(),
                            "migrated", summary.migratedFiles(),
                            "failed", summary.failedMigrations()));
            if (summary.failedMigrations() > 0) {
                logger.error("Failed to migrate {} files from {}", summary.failedMigrations(), datasetType);
                for (FailureRecord failure : summary.failures()) {
                    logger.error(" {}: {}", failure.file(), failure.error());
                }
            }
        }
        return migrationResults;
    }

    @Test
    void batchDatasetMigration() {
        stores.seed(DEPLOYMENT, "processed/2024-06-01/customer_data/c1.parquet", "c1");
        stores.seed(DEPLOYMENT, "processed/2024-06-01/customer_data/c2.parquet", "c2");
        stores.seed(DEPLOYMENT, "processed/2024-06-01/transaction_data/t1.parquet", "t1");
        stores.seed(DEPLOYMENT, "processed/2024-06-01/customer_data_backup/old.parquet", "not selected");
        stores.seed(DEPLOYMENT, "processed/2024-06-02/analytics_data/a1.parquet", "other date");

        Map<String, Map<String, Long>> results = migrateProcessedDatasets("2024-06-01");

        assertThat(results)
                .containsExactly(
                        Map.entry("customer_data", Map.of("total", 2L, "migrated", 2L, "failed", 0L)),
                        Map.entry("transaction_data", Map.of("total", 1L, "migrated", 1L, "failed", 0L)),
                        Map.entry("analytics_data", Map.of("total", 0L, "migrated", 0L, "failed", 0L)));
        assertThat(ObjectStore.listFiles("", UPSTREAM)).hasSize(3);

        assertThat(migrateProcessedDatasets("2024-06-01")).isEqualTo(results);
        MigrationSummary rerun = AtlanStorage.migrateFromObjectstoreToAtlan("processed/2024-06-01/customer_data/");
        assertThat(rerun.skippedFiles()).isEqualTo(rerun.totalFiles()).isEqualTo(rerun.migratedFiles());
    }

    // ---- Selective Migration with Validation ---------------------------------------------------------------

    /** The activity: checks every file is readable, reports problems, then migrates. */
    MigrationSummary validateAndMigrate(String prefix, List<String> validationErrors) {
        List<String> files = ObjectStore.listFilesAsync(prefix).join();
        logger.info("Found {} files for migration under prefix: {}", files.size(), prefix);

        for (String filePath : files) {
            try {
                byte[] content = ObjectStore.getContentAsync(filePath, true).join();
                if (content == null) {
                    validationErrors.add("Cannot read file: " + filePath);
                }
            } catch (RuntimeException e) {
                validationErrors.add("Validation error for " + filePath + ": " + e.getMessage());
            }
        }
        if (!validationErrors.isEmpty()) {
            logger.warn("Found {} validation errors", validationErrors.size());
            validationErrors.forEach(error -> logger.warn(" {}", error));
        }

        logger.info("Starting migration to Atlan storage");
        MigrationSummary summary =
                AtlanStorage.migrateFromObjectstoreToAtlanAsync(prefix).join();

        logger.info("Migration complete: {}/{} succeeded", summary.migratedFiles(), summary.totalFiles());
        if (summary.failedMigrations() > 0) {
            logger.error("Migration failures:");
            summary.failures().forEach(failure -> logger.error(" {}: {}", failure.file(), failure.error()));
        }
        return summary;
    }

    @Test
    void selectiveMigrationWithValidation() {
        stores.seed(DEPLOYMENT, "exports/q2/a.csv", "a");
        stores.seed(DEPLOYMENT, "exports/q2/b.csv", "b");
        stores.seed(DEPLOYMENT, "exports/q2/_SUCCESS", "");
        List<String> validationErrors = new ArrayList<>();

        MigrationSummary summary = validateAndMigrate("exports/q2", validationErrors);

        assertThat(validationErrors)
                .as("a zero-byte file is readable (the SDK reports it unreadable)")
                .isEmpty();
        assertThat(summary.migratedFiles()).isEqualTo(3).isEqualTo(summary.totalFiles());

        MigrationSummary again = validateAndMigrate("exports/q2", validationErrors);
        assertThat(again.migratedFiles()).isEqualTo(again.totalFiles()).isEqualTo(again.skippedFiles());
    }

    @Test
    void selectiveMigrationWithValidationReportsAnUnreadableFileAndStillMigratesTheRest() {
        stores.faulty(DEPLOYMENT, Map.of("failReadsOf", "locked"));
        stores.seed(DEPLOYMENT, "exports/q2/a.csv", "a");
        stores.seed(DEPLOYMENT, "exports/q2/locked.csv", "secret");
        List<String> validationErrors = new ArrayList<>();

        MigrationSummary summary = validateAndMigrate("exports/q2", validationErrors);

        assertThat(validationErrors)
                .singleElement()
                .asString()
                .startsWith("Validation error for exports/q2/locked.csv: ")
                .contains("injected fault");
        assertThat(summary.migratedFiles()).isEqualTo(1);
        assertThat(summary.failures()).extracting(FailureRecord::file).containsExactly("exports/q2/locked.csv");
    }

    // ---- Handling Migration Failures (failure-rate check) ------------------------------------------------------

    record Outcome(String status, MigrationSummary summary, String error) {}

    /** The activity: migrates, then fails the step when too many files failed. */
    Outcome safeMigration(String prefix, double maxFailureRate) {
        try {
            MigrationSummary summary = AtlanStorage.migrateFromObjectstoreToAtlan(prefix);

            if (summary.totalFiles() == 0) {
                logger.warn("No files found for prefix: {}", prefix);
                return new Outcome("no_files", summary, null);
            }
            double failureRate = (double) summary.failedMigrations() / summary.totalFiles();
            if (failureRate > maxFailureRate) {
                String errorMsg = String.format(
                        Locale.ROOT,
                        "Migration failure rate %.1f%% exceeds threshold %.1f%%",
                        failureRate * 100,
                        maxFailureRate * 100);
                logger.error(errorMsg);
                summary.failures().forEach(f -> logger.error("Failed file: {} - {}", f.file(), f.error()));
                return new Outcome("failure_threshold_exceeded", summary, errorMsg);
            }
            return new Outcome("success", summary, null);
        } catch (RuntimeException e) {
            logger.error("Migration failed critically: {}", e.getMessage());
            throw e;
        }
    }

    private void seedBatch(int files) {
        for (int i = 0; i < files; i++) {
            stores.seed(DEPLOYMENT, "batch/file-" + i + ".json", "{\"i\": " + i + "}");
        }
    }

    @Test
    void failureRateCheckPassesACleanMigrationAndAgainOnARerun() {
        seedBatch(10);

        Outcome outcome = safeMigration("batch/", 0.05);
        assertThat(outcome.status()).isEqualTo("success");
        assertThat(outcome.summary().migratedFiles()).isEqualTo(10);

        Outcome rerun = safeMigration("batch/", 0.05);
        assertThat(rerun.status()).isEqualTo("success");
        assertThat(rerun.summary().migratedFiles()).isEqualTo(10);
        assertThat(rerun.summary().skippedFiles()).isEqualTo(10);
    }

    @Test
    void failureRateCheckStopsWhenTooManyFilesFail() {
        stores.faulty(UPSTREAM, Map.of("failWritesOf", "file-3"));
        seedBatch(10);

        Outcome outcome = safeMigration("batch/", 0.05);

        assertThat(outcome.status()).isEqualTo("failure_threshold_exceeded");
        assertThat(outcome.error()).isEqualTo("Migration failure rate 10.0% exceeds threshold 5.0%");
        assertThat(outcome.summary().migratedFiles()).isEqualTo(9);
        assertThat(outcome.summary().failures()).extracting(FailureRecord::file).containsExactly("batch/file-3.json");
        assertThat(safeMigration("batch/", 0.2).status()).isEqualTo("success");
    }

    @Test
    void failureRateCheckReportsAnEmptyPrefix() {
        assertThat(safeMigration("nothing-here/", 0.05).status()).isEqualTo("no_files");
    }

    @Test
    void failureRateCheckRethrowsACriticalError() {
        stores.faulty(DEPLOYMENT, Map.of("failListing", "true"));
        assertThatThrownBy(() -> safeMigration("batch/", 0.05)).isInstanceOf(MigrationException.class);
    }
}
