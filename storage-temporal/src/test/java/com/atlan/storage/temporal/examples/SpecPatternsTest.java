package com.atlan.storage.temporal.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.services.StateStore;
import com.atlan.storage.services.StateType;
import com.atlan.storage.services.StorageContext;
import com.atlan.storage.temporal.AtlanStorageWorkers;
import com.atlan.storage.temporal.AtlanUploadActivities;
import com.atlan.storage.temporal.AtlanUploadActivities.UploadStatistics;
import com.atlan.storage.testing.ComponentFiles;
import com.atlan.storage.testing.FaultyStoreProvider;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec's usage patterns, written in Java ({@link ExampleActivitiesImpl}, {@link DataProcessingWorkflow}, {@link
 * IncrementalDataPipeline}) and the SDK's exit activity, run on Temporal's test server over local folders: a
 * deployment store ({@code objectstore}, ./source; {@code faulty-source} fails reads of keys containing "bad"), the
 * upstream store ({@code upstream-objectstore}, ./upstream) and a SQLite state store.
 */
class SpecPatternsTest {

    private static final String QUEUE = "spec-patterns";

    @TempDir
    Path dir;

    private Path components;
    private TestWorkflowEnvironment env;
    private TestActivityEnvironment activityEnv;

    @BeforeEach
    void setUp() {
        components = dir.resolve("components");
        ComponentFiles.localStore(components, "objectstore", "./source");
        ComponentFiles.localStore(components, "upstream-objectstore", "./upstream");
        ComponentFiles.write(
                components,
                "faulty-source",
                FaultyStoreProvider.component("faulty-source", "./source", Map.of("failReadsOf", "bad")));
        ComponentFiles.stateStore(
                components,
                "state.sqlite",
                Map.of("connectionString", dir.resolve("state.db").toString()));
        use(Map.of());
    }

    @AfterEach
    void tearDown() {
        if (env != null) {
            env.close();
        }
        if (activityEnv != null) {
            activityEnv.close();
        }
        StorageContext.reset();
    }

    private StorageConfiguration use(Map<String, String> env) {
        StorageConfiguration configuration = StorageConfiguration.load(Optional.of(components), env, dir);
        StorageContext.use(configuration);
        return configuration;
    }

    private Worker startWorker(StorageConfiguration configuration) {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(
                DataProcessingWorkflow.Impl.class, IncrementalDataPipeline.Impl.class, ExtractionWorkflow.Impl.class);
        worker.registerActivitiesImplementations(new ExampleActivitiesImpl());
        AtlanStorageWorkers.registerActivities(worker, configuration);
        env.start();
        return worker;
    }

    private <T> T workflow(Class<T> type) {
        return env.getWorkflowClient()
                .newWorkflowStub(
                        type, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());
    }

    private ExampleActivities activities() {
        activityEnv = TestActivityEnvironment.newInstance();
        activityEnv.registerActivitiesImplementations(new ExampleActivitiesImpl());
        return activityEnv.newActivityStub(ExampleActivities.class);
    }

    private void write(String key, String content) throws IOException {
        Path file = dir.resolve("source").resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private boolean uploaded(String key) {
        return Files.isRegularFile(dir.resolve("upstream").resolve(key));
    }

    @Test
    void workflowCompletionMigrationMovesTheWorkflowsResultsToAtlan() {
        startWorker(StorageContext.configuration());

        MigrationSummary summary = workflow(DataProcessingWorkflow.class).run("wf-1");

        assertThat(summary.totalFiles()).isEqualTo(3);
        assertThat(summary.migratedFiles()).isEqualTo(3);
        assertThat(summary.prefix()).isEqualTo("results/wf-1/");
        assertThat(uploaded("results/wf-1/chunk-2.json")).isTrue();
    }

    @Test
    void batchDatasetMigrationCountsEachDatasetAndReportsItsFailures() throws IOException {
        use(Map.of("DEPLOYMENT_OBJECT_STORE_NAME", "faulty-source"));
        write("processed/2026-12-01/customer_data/a.csv", "a");
        write("processed/2026-12-01/customer_data/b.csv", "b");
        write("processed/2026-12-01/transaction_data/bad.csv", "x");
        write("processed/2026-12-01/transaction_data/t.csv", "t");

        Map<String, Map<String, Long>> results = activities().migrateProcessedDatasets("2026-12-01");

        assertThat(results.get("customer_data")).containsEntry("total", 2L).containsEntry("migrated", 2L);
        assertThat(results.get("transaction_data"))
                .containsEntry("total", 2L)
                .containsEntry("migrated", 1L)
                .containsEntry("failed", 1L);
        assertThat(results.get("analytics_data")).containsEntry("total", 0L);
    }

    @Test
    void validateThenMigrateReadsEveryFileFirstAndMigratesTheReadableOnes() throws IOException {
        use(Map.of("DEPLOYMENT_OBJECT_STORE_NAME", "faulty-source"));
        write("checked/ok.json", "{}");
        write("checked/bad.json", "{}");

        MigrationSummary summary = activities().validateAndMigrate("checked/");

        assertThat(summary.totalFiles()).isEqualTo(2);
        assertThat(summary.migratedFiles()).isEqualTo(1);
        assertThat(summary.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.file()).isEqualTo("checked/bad.json"));
        assertThat(uploaded("checked/ok.json")).isTrue();
    }

    @Test
    void incrementalPipelineMigratesEachBatchAndRecordsItInTheStateStore() {
        startWorker(StorageContext.configuration());

        String result = workflow(IncrementalDataPipeline.class).run("pipe-7");

        assertThat(result).isEqualTo("Pipeline completed");
        var state = StateStore.getState("pipe-7", StateType.WORKFLOWS);
        assertThat(state.get("migration_batch_003").get("migrated_files").asLong())
                .isEqualTo(3);
        assertThat(state.get("migration_batch_001").get("failed_migrations").asLong())
                .isZero();
        assertThat(uploaded("processing/pipe-7/batch_002/chunk-0.json")).isTrue();
    }

    @Test
    void failureRateCheckReportsAThresholdExceededAndNoFiles() throws IOException {
        use(Map.of("DEPLOYMENT_OBJECT_STORE_NAME", "faulty-source"));
        write("rate/bad-1.json", "1");
        write("rate/ok-1.json", "2");
        write("rate/ok-2.json", "3");
        ExampleActivities activities = activities();

        Map<String, Object> exceeded = activities.safeMigration("rate/", 0.05);
        Map<String, Object> tolerated = activities.safeMigration("rate/", 0.5);
        Map<String, Object> empty = activities.safeMigration("nothing-here/", 0.05);

        assertThat(exceeded)
                .containsEntry("status", "failure_threshold_exceeded")
                .containsEntry("error", "Migration failure rate 33.3% exceeds threshold 5.0%");
        assertThat(tolerated).containsEntry("status", "success");
        assertThat(empty).containsEntry("status", "no_files");
    }

    @Test
    void uploadToAtlanUploadsNothingUnlessEnabled() {
        startWorker(use(Map.of()));

        UploadStatistics stats = workflow(ExtractionWorkflow.class).run("artifacts/apps/a/workflows/w/run-1/");

        assertThat(stats.typename()).isEqualTo(AtlanUploadActivities.UPLOAD_DISABLED);
        assertThat(uploaded("artifacts/apps/a/workflows/w/run-1/chunk-0.json")).isFalse();
    }

    @Test
    void uploadToAtlanCopiesTheOutputAndReportsTheSdksStatistics() {
        startWorker(use(Map.of(AtlanUploadActivities.ENABLE_ATLAN_UPLOAD, "true")));

        UploadStatistics stats = workflow(ExtractionWorkflow.class).run("artifacts/apps/a/workflows/w/run-2/");

        assertThat(stats.typename()).isEqualTo(AtlanUploadActivities.UPLOAD_COMPLETED);
        assertThat(stats.totalRecordCount()).isEqualTo(3);
        assertThat(stats.chunkCount()).isEqualTo(3);
        assertThat(uploaded("artifacts/apps/a/workflows/w/run-2/chunk-1.json")).isTrue();
    }

    @Test
    void uploadToAtlanFailsNamingTheFilesThatFailedAfterTheSdksRetries() throws IOException {
        startWorker(use(Map.of(
                AtlanUploadActivities.ENABLE_ATLAN_UPLOAD, "true", "DEPLOYMENT_OBJECT_STORE_NAME", "faulty-source")));
        write("out/run-3/bad-report.json", "{}");

        assertThatThrownBy(() -> workflow(ExtractionWorkflow.class).run("out/run-3/"))
                .isInstanceOf(WorkflowFailedException.class)
                .cause()
                .isInstanceOf(ActivityFailure.class)
                .satisfies(f -> assertThat(((ActivityFailure) f).getRetryState().name())
                        .isEqualTo("RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED"))
                .cause()
                .isInstanceOf(ApplicationFailure.class)
                .satisfies(f -> assertThat(((ApplicationFailure) f).getType())
                        .isEqualTo(AtlanUploadActivities.ATLAN_UPLOAD_ERROR))
                .hasMessageContaining("1 of 4 files of 'out/run-3/' failed to upload")
                .hasMessageContaining("out/run-3/bad-report.json");
        assertThat(uploaded("out/run-3/chunk-0.json")).isTrue();
    }
}
