package com.atlan.storage.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.state.sqlite.SqliteStateProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCheckpointStoreTest {

    @TempDir
    Path dir;

    private static Checkpoint checkpoint(String watermark, boolean complete) {
        return new Checkpoint(
                "job-1",
                "objectstore",
                "upstream-objectstore",
                "p/",
                watermark,
                List.of("p/x", "p/y"),
                Map.of("p/f", "denied"),
                3,
                4,
                500,
                1200,
                complete,
                42);
    }

    @Test
    void savesLoadsReplacesAndDeletes() {
        try (SqliteCheckpointStore store = SqliteCheckpointStore.open(dir.resolve("a/statestore.db"))) {
            assertThat(store.load("job-1")).isEmpty();
            store.save(checkpoint("p/a", false));
            store.save(checkpoint("p/b", true));
            assertThat(store.load("job-1")).contains(checkpoint("p/b", true));
            assertThat(store.delete("job-1")).isTrue();
            assertThat(store.delete("job-1")).isFalse();
        }
    }

    @Test
    void survivesReopening() {
        Path file = dir.resolve("statestore.db");
        try (SqliteCheckpointStore store = SqliteCheckpointStore.open(file)) {
            store.save(checkpoint(null, false));
        }
        try (SqliteCheckpointStore store = SqliteCheckpointStore.open(file)) {
            assertThat(store.load("job-1").orElseThrow().watermark()).isNull();
        }
    }

    @Test
    void jobIdsAreReadableAndDistinct() {
        String id = Checkpoint.jobIdFor("objectstore", "upstream-objectstore", "processed/2024/");
        assertThat(id).matches("objectstore-upstream-objectstore-processed-2024-[0-9a-f]{10}");
        assertThat(Checkpoint.jobIdFor("objectstore", "upstream-objectstore", "processed/2024"))
                .isNotEqualTo(id);
    }

    @Test
    void readsDaprSqliteConnectionStrings() {
        assertThat(SqliteStateProvider.databaseFile("file:data/x.db?_pragma=busy_timeout(5000)"))
                .isEqualTo(Path.of("data/x.db"));
        assertThat(SqliteStateProvider.databaseFile("./local/dapr/statestore.db"))
                .isEqualTo(Path.of("./local/dapr/statestore.db"));
        assertThat(SqliteStateProvider.databaseFile(":memory:")).isNull();
    }
}
