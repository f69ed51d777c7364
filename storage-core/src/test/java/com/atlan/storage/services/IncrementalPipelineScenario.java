package com.atlan.storage.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.testing.ChildJvm;
import com.atlan.storage.testing.ComponentFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link IncrementalDataPipeline} (the spec's example) in a JVM configured only by its environment and working
 * directory, as an application would be, and reads back what it recorded. Subclasses name the state store.
 */
public abstract class IncrementalPipelineScenario {

    @TempDir
    protected Path dir;

    /** The YAML of the {@code statestore} component. */
    protected abstract String stateStoreComponent();

    @Test
    void theSpecsIncrementalExampleMigratesEachBatchAndRecordsItInTheStateStore() throws Exception {
        Path components = dir.resolve("components");
        ComponentFiles.localStore(components, "objectstore", "./deployment");
        ComponentFiles.localStore(components, "upstream-objectstore", "./upstream");
        ComponentFiles.write(components, "statestore", stateStoreComponent());
        Map<String, String> env = Map.of(
                "ATLAN_STORAGE_COMPONENTS",
                components.toString(),
                "ATLAN_APPLICATION_NAME",
                "pipeline-test-" + UUID.randomUUID());

        Process child = ChildJvm.start(
                IncrementalDataPipeline.class, List.of("pipeline-42"), env, dir, dir.resolve("child.err"));
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue())
                .as("exit code; stderr: %s", Files.readString(dir.resolve("child.err")))
                .isZero();
        assertThat(out).contains("Pipeline completed");

        StorageConfiguration configuration = StorageConfiguration.load(Optional.of(components), env, dir);
        try (StateStore state = StateStore.open(configuration)) {
            ObjectNode pipeline = state.get("pipeline-42", StateType.WORKFLOWS);
            assertThat(pipeline.size()).isEqualTo(3);
            for (int batch = 1; batch <= 3; batch++) {
                ObjectNode recorded = (ObjectNode) pipeline.get("migration_batch_00" + batch);
                assertThat(recorded.get("total_files").asInt()).isEqualTo(batch);
                assertThat(recorded.get("migrated_files").asInt()).isEqualTo(batch);
                assertThat(recorded.get("failed_migrations").asInt()).isZero();
                for (int i = 0; i < batch; i++) {
                    assertThat(dir.resolve("upstream/processing/pipeline-42/batch_00" + batch + "/part-" + i + ".json"))
                            .hasContent("{\"row\":" + i + "}");
                }
            }
        }
    }
}
