package com.atlan.storage.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.testing.ComponentFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule that decides where a migration's checkpoints and lock go (docs/state.md, "Checkpoints"). */
class JobStateTest {

    @TempDir
    Path dir;

    Path components;

    @BeforeEach
    void objectStores() {
        components = dir.resolve("components");
        ComponentFiles.localStore(components, "objectstore", "./src");
        ComponentFiles.localStore(components, "upstream-objectstore", "./dst");
    }

    private StorageConfiguration configuration() {
        return StorageConfiguration.load(Optional.of(components), Map.of(), dir);
    }

    private static String describe(JobState state) {
        return state.backend().describe();
    }

    @Test
    void withNoStateStoreComponentCheckpointsGoToTheEmbeddedDefaultFile() {
        try (JobState state = JobState.open(configuration(), true, false)) {
            assertThat(describe(state))
                    .contains(dir.resolve("local/dapr/statestore.db").toString());
            assertThat(state.checkpoints()).isNotNull();
        }
        assertThat(Files.exists(dir.resolve("local/dapr/statestore.db"))).isTrue();
    }

    @Test
    void anInMemoryStateStoreSendsCheckpointsToTheDefaultFileBecauseTheyMustOutliveTheProcess() {
        ComponentFiles.stateStore(components, "state.in-memory", Map.of());
        try (JobState state = JobState.open(configuration(), true, false)) {
            assertThat(describe(state)).contains("state.sqlite", "local/dapr/statestore.db");
        }
    }

    @Test
    void aTypeNoBackendServesFallsBackToTheDefaultFile() {
        ComponentFiles.stateStore(components, "state.mongodb", Map.of("host", "mongo:27017"));
        try (JobState state = JobState.open(configuration(), true, false)) {
            assertThat(describe(state)).contains("local/dapr/statestore.db");
        }
    }

    @Test
    void aDurableStateStoreHoldsTheCheckpoints() {
        ComponentFiles.stateStore(components, "state.sqlite", Map.of("connectionString", "./custom/state.db"));
        try (JobState state = JobState.open(configuration(), true, false)) {
            assertThat(describe(state)).contains(dir.resolve("custom/state.db").toString());
        }
        assertThat(Files.exists(dir.resolve("local/dapr/statestore.db"))).isFalse();
    }

    @Test
    void anUnusableStateStoreIsAWarningForARunThatDoesNotResume() throws IOException {
        Files.createDirectories(dir.resolve("a-folder.db"));
        ComponentFiles.stateStore(components, "state.sqlite", Map.of("connectionString", "./a-folder.db"));
        try (JobState state = JobState.open(configuration(), true, false)) {
            assertThat(state.checkpoints()).isNull();
            assertThat(state.lock("job-" + UUID.randomUUID()).held()).isFalse();
        }
        assertThatThrownBy(() -> JobState.open(configuration(), true, true))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("resuming needs the state store")
                .hasMessageContaining("a-folder.db");
    }

    @Test
    void aMisconfiguredStateStoreIsAWarningForARunThatDoesNotResume() {
        ComponentFiles.stateStore(components, "state.sqlite", Map.of("tableName", "x"));
        try (JobState state = JobState.open(configuration(), true, false)) {
            assertThat(state.checkpoints()).isNull();
        }
        assertThatThrownBy(() -> JobState.open(configuration(), true, true))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("connectionString");
    }

    @Test
    void checkpointsCanBeTurnedOffExceptForAResume() {
        try (JobState state = JobState.open(configuration(), false, false)) {
            assertThat(state.checkpoints()).isNull();
        }
        assertThat(Files.exists(dir.resolve("local"))).isFalse();
        assertThatThrownBy(() -> JobState.open(configuration(), false, true))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("--no-checkpoint");
    }

    @Test
    void theLockLivesBesideTheCheckpoints() {
        try (JobState state = JobState.open(configuration(), true, false);
                JobLock lock = state.lock("job-a")) {
            assertThat(lock.held()).isTrue();
            assertThat(state.backend().get(StateKeys.lock("default", "job-a"))).isPresent();
            assertThatThrownBy(() -> state.lock("job-a")).isInstanceOf(JobLockedException.class);
        }
    }
}
