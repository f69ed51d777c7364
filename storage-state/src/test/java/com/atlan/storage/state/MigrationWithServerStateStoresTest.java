package com.atlan.storage.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.services.AtlanStorage;
import com.atlan.storage.state.testing.PostgresServer;
import com.atlan.storage.state.testing.RedisServer;
import com.atlan.storage.testing.ComponentFiles;
import com.atlan.storage.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrateFromObjectstoreToAtlan} with every state store type the CLI ships: it succeeds, and checkpoints go
 * where docs/state.md says, including when a Redis state store is down.
 */
class MigrationWithServerStateStoresTest {

    private static final int OBJECTS = 10;
    private static final String JOB = Checkpoint.jobIdFor("objectstore", "upstream-objectstore", "");

    @TempDir
    Path dir;

    Path components;
    String application = "migration-" + UUID.randomUUID();

    @BeforeEach
    void stores() {
        components = dir.resolve("components");
        ComponentFiles.localStore(components, "objectstore", "./src");
        ComponentFiles.localStore(components, "upstream-objectstore", "./dst");
        for (int i = 0; i < OBJECTS; i++) {
            TestData.writeRandomFile(dir.resolve("src/p/part-" + i), i, 50 + i);
        }
    }

    private void stateStore(String type, Map<String, String> metadata) {
        ComponentFiles.stateStore(components, type, metadata);
    }

    private StorageConfiguration configuration() {
        return StorageConfiguration.load(Optional.of(components), Map.of("ATLAN_APPLICATION_NAME", application), dir);
    }

    private MigrationSummary migrate() {
        return new AtlanStorage(configuration(), MigrationOptions.defaults()).migrate("p");
    }

    private Optional<Checkpoint> checkpointIn(String expectedStore) {
        try (JobState state = JobState.open(configuration(), true, false)) {
            assertThat(state.backend().describe()).contains(expectedStore);
            return state.checkpoints().load(Checkpoint.jobIdFor("objectstore", "upstream-objectstore", "p"));
        }
    }

    @Test
    void withRedisDownTheMigrationSucceedsWithoutCheckpoints() {
        stateStore("state.redis", RedisServer.unreachable());
        assertThat(migrate().migratedFiles()).isEqualTo(OBJECTS);
        assertThat(Files.exists(dir.resolve("local")))
                .as("no fallback file: the configured store was meant")
                .isFalse();
    }

    @Test
    void withRedisUpCheckpointsGoToRedis() {
        stateStore("state.redis", RedisServer.metadata());
        assertThat(migrate().migratedFiles()).isEqualTo(OBJECTS);
        assertThat(checkpointIn("state.redis").orElseThrow().complete()).isTrue();
    }

    @Test
    void withPostgresCheckpointsGoToPostgres() {
        stateStore("state.postgresql", Map.of("connectionString", PostgresServer.connectionString()));
        assertThat(migrate().migratedFiles()).isEqualTo(OBJECTS);
        assertThat(checkpointIn("state.postgresql").orElseThrow().complete()).isTrue();
    }

    @Test
    void withAnInMemoryStateStoreCheckpointsGoToTheDefaultFile() {
        stateStore("state.in-memory", Map.of());
        assertThat(migrate().migratedFiles()).isEqualTo(OBJECTS);
        assertThat(checkpointIn("local/dapr/statestore.db").orElseThrow().complete())
                .isTrue();
    }

    @Test
    void withNoStateStoreComponentCheckpointsGoToTheDefaultFile() {
        assertThat(migrate().migratedFiles()).isEqualTo(OBJECTS);
        assertThat(checkpointIn("local/dapr/statestore.db").orElseThrow().complete())
                .isTrue();
        assertThat(JOB).isNotBlank();
    }
}
