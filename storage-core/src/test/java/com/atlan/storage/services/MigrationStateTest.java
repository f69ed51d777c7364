package com.atlan.storage.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.state.Condition;
import com.atlan.storage.state.JobLockedException;
import com.atlan.storage.state.SqliteCheckpointStore;
import com.atlan.storage.state.StateKeys;
import com.atlan.storage.state.sqlite.SqliteStateBackend;
import com.atlan.storage.testing.ComponentFiles;
import com.atlan.storage.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration never fails because of the state store's configuration (issue 12): checkpoints go to the configured
 * store or the embedded default file, an unusable store is a warning, and the job lock keeps a second run out.
 */
class MigrationStateTest {

    private static final int OBJECTS = 12;
    private static final String JOB = Checkpoint.jobIdFor("objectstore", "upstream-objectstore", "");

    @TempDir
    Path dir;

    Path components;

    @BeforeEach
    void stores() {
        components = dir.resolve("components");
        ComponentFiles.localStore(components, "objectstore", "./src");
        ComponentFiles.localStore(components, "upstream-objectstore", "./dst");
        for (int i = 0; i < OBJECTS; i++) {
            TestData.writeRandomFile(dir.resolve("src/data/part-" + i + ".bin"), i, 100 + i);
        }
    }

    private MigrationSummary migrate(MigrationOptions options) {
        StorageConfiguration configuration = StorageConfiguration.load(Optional.of(components), Map.of(), dir);
        return new AtlanStorage(configuration, options).migrate("");
    }

    private long migratedFiles() throws IOException {
        if (!Files.isDirectory(dir.resolve("dst"))) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir.resolve("dst"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private Checkpoint defaultCheckpoint() {
        try (SqliteCheckpointStore store = SqliteCheckpointStore.open(dir.resolve("local/dapr/statestore.db"))) {
            return store.load(JOB).orElseThrow();
        }
    }

    @Test
    void withNoStateStoreComponentCheckpointsGoToTheEmbeddedDefaultFileAndTheLockIsReleased() {
        assertThat(migrate(MigrationOptions.defaults()).migratedFiles()).isEqualTo(OBJECTS);
        assertThat(defaultCheckpoint().complete()).isTrue();
        try (SqliteStateBackend state = SqliteStateBackend.open(
                "statestore", dir.resolve("local/dapr/statestore.db"), "state", Duration.ofSeconds(5))) {
            assertThat(state.get(StateKeys.lock("default", JOB))).isEmpty();
        }
    }

    @Test
    void withAnInMemoryStateStoreTheMigrationSucceedsAndCheckpointsGoToTheDefaultFile() {
        ComponentFiles.stateStore(components, "state.in-memory", Map.of());
        assertThat(migrate(MigrationOptions.defaults()).migratedFiles()).isEqualTo(OBJECTS);
        assertThat(defaultCheckpoint().complete()).isTrue();
    }

    @Test
    void withAnObjectStoreStateStoreCheckpointsGoToThatStoreAsTheSdkKeptState() {
        ComponentFiles.localStore(components, "state-bucket", "./state-bucket");
        ComponentFiles.stateStore(components, "state.objectstore", Map.of("objectStore", "state-bucket"));
        assertThat(migrate(MigrationOptions.defaults()).migratedFiles()).isEqualTo(OBJECTS);
        assertThat(dir.resolve("state-bucket/persistent-artifacts/apps/default/migrations/" + JOB + "/checkpoint.json"))
                .content()
                .contains("\"complete\":true");
        assertThat(dir.resolve("state-bucket/persistent-artifacts/apps/default/migrations/" + JOB + "/lock.json"))
                .as("released")
                .doesNotExist();
    }

    @Test
    void withAStateStoreTypeNoJarServesTheMigrationSucceeds() {
        ComponentFiles.stateStore(components, "state.mongodb", Map.of("host", "mongo.example:27017"));
        assertThat(migrate(MigrationOptions.defaults()).migratedFiles()).isEqualTo(OBJECTS);
    }

    @Test
    void aStateStoreThatCannotBeUsedIsAWarningUnlessResuming() throws IOException {
        Files.createDirectories(dir.resolve("not-a-file.db"));
        ComponentFiles.stateStore(components, "state.sqlite", Map.of("connectionString", "./not-a-file.db"));
        assertThat(migrate(MigrationOptions.defaults()).migratedFiles()).isEqualTo(OBJECTS);
        assertThatThrownBy(() -> migrate(MigrationOptions.builder().resume(true).build()))
                .hasMessageContaining("resuming needs the state store");
    }

    @Test
    void aSecondRunOfTheSameJobIsRefusedBeforeAnythingIsCopied() throws IOException {
        Instant since = Instant.parse("2026-03-04T05:06:07Z");
        try (SqliteStateBackend state = SqliteStateBackend.open(
                "statestore", dir.resolve("local/dapr/statestore.db"), "state", Duration.ofSeconds(5))) {
            state.put(
                    StateKeys.lock("default", JOB),
                    "{\"job_id\":\"" + JOB + "\",\"host\":\"worker-3.example\",\"pid\":77,\"run_id\":\"r\","
                            + "\"acquired_at\":\"" + since + "\",\"expires_at\":\""
                            + Instant.now().plusSeconds(600)
                            + "\"}",
                    Condition.always());
        }
        assertThatThrownBy(() -> migrate(MigrationOptions.defaults()))
                .isInstanceOf(JobLockedException.class)
                .hasMessageContaining("host worker-3.example (pid 77) since " + since);
        StorageConfiguration configuration = StorageConfiguration.load(Optional.of(components), Map.of(), dir);
        assertThatThrownBy(() -> new AtlanStorage(configuration, MigrationOptions.defaults())
                        .start("", "objectstore", "upstream-objectstore"))
                .isInstanceOf(JobLockedException.class);
        assertThat(migratedFiles()).isZero();
    }

    @Test
    void theBackgroundRunHoldsTheLockUntilItEnds() {
        StorageConfiguration configuration = StorageConfiguration.load(Optional.of(components), Map.of(), dir);
        MigrationSummary summary = new AtlanStorage(configuration, MigrationOptions.defaults())
                .start("", "objectstore", "upstream-objectstore")
                .completion()
                .join();
        assertThat(summary.migratedFiles()).isEqualTo(OBJECTS);
        try (SqliteStateBackend state = SqliteStateBackend.open(
                "statestore", dir.resolve("local/dapr/statestore.db"), "state", Duration.ofSeconds(5))) {
            assertThat(state.get(StateKeys.lock("default", JOB))).isEmpty();
        }
    }

    @Test
    void withoutCheckpointsNothingIsWrittenToAnyStateStore() {
        assertThat(migrate(MigrationOptions.builder().checkpoints(false).build())
                        .migratedFiles())
                .isEqualTo(OBJECTS);
        assertThat(Files.exists(dir.resolve("local"))).isFalse();
        assertThatThrownBy(() -> migrate(MigrationOptions.builder()
                        .checkpoints(false)
                        .resume(true)
                        .build()))
                .hasMessageContaining("--no-checkpoint");
    }
}
