package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.retry.RetryPolicy;
import com.atlan.storage.state.SqliteCheckpointStore;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.local.LocalBackend;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.KilledWrites;
import com.atlan.storage.testing.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every run (fresh or resumed) first removes what earlier runs' unfinished writes left in the destination. */
class IncompleteWritesCleanupTest {

    private static final MigrationOptions OPTIONS = MigrationOptions.builder()
            .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)))
            .build();

    /** Without listing the destination (whose listing sweeps partial files on its own way through). */
    private static final MigrationOptions BLIND =
            OPTIONS.toBuilder().skipUnchanged(false).build();

    @TempDir
    Path dir;

    private final MemoryBackend source = new MemoryBackend("objectstore");

    private static void write(Backend store, String key, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, PutOptions.DEFAULT);
    }

    @Test
    void aFreshRunRemovesThePartialFilesOfADeadProcessUnderItsPrefix() throws Exception {
        Path root = dir.resolve("dst");
        Path leftBehind = KilledWrites.partialFile(root.resolve("data/2024"));
        Path otherPrefix = KilledWrites.partialFile(root.resolve("other"));
        write(source, "data/2024/a.csv", "a");

        try (LocalBackend destination = new LocalBackend("upstream-objectstore", root)) {
            MigrationSummary summary = new Migrator(source, destination, "data/", BLIND).run();
            assertThat(summary.migratedFiles()).isEqualTo(1);
        }

        assertThat(leftBehind).doesNotExist();
        assertThat(otherPrefix).as("outside the job's prefix").exists();
        assertThat(root.resolve("data/2024/a.csv")).hasContent("a");
    }

    @Test
    void aResumedRunRemovesThemToo() throws Exception {
        Path root = dir.resolve("dst");
        write(source, "data/a", "a");
        try (SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(dir.resolve("state.db"));
                LocalBackend destination = new LocalBackend("upstream-objectstore", root)) {
            new Migrator(source, destination, "data/", BLIND, checkpoints).run();
            Path leftBehind = KilledWrites.partialFile(root.resolve("data"));

            MigrationSummary resumed = new Migrator(
                            source,
                            destination,
                            "data/",
                            BLIND.toBuilder().resume(true).build(),
                            checkpoints)
                    .run();

            assertThat(resumed.failedMigrations()).isZero();
            assertThat(leftBehind).doesNotExist();
        }
    }

    @Test
    void aStoreThatCannotLookForUnfinishedWritesDoesNotStopTheRun() {
        write(source, "data/a", "a");
        List<String> asked = new CopyOnWriteArrayList<>();
        MemoryBackend target = new MemoryBackend("upstream-objectstore");
        Backend refusing = new ForwardingBackend(target) {
            @Override
            public int abortIncompleteWrites(String prefix, Instant initiatedBefore) {
                asked.add(prefix);
                throw new StorageConfigException(name(), "ListMultipartUploads: this server does not support it", null);
            }
        };

        MigrationSummary summary = new Migrator(source, refusing, "data/", OPTIONS).run();

        assertThat(asked).containsExactly("data");
        assertThat(summary.migratedFiles()).isEqualTo(1);
        assertThat(target.stat("data/a")).isPresent();
    }

    @Test
    void aDryRunRemovesNothing() {
        List<String> asked = new CopyOnWriteArrayList<>();
        Backend watching = new ForwardingBackend(new MemoryBackend("upstream-objectstore")) {
            @Override
            public int abortIncompleteWrites(String prefix, Instant initiatedBefore) {
                asked.add(prefix);
                return 0;
            }
        };
        write(source, "data/a", "a");

        new Migrator(source, watching, "data/", OPTIONS.toBuilder().dryRun(true).build()).run();

        assertThat(asked).isEmpty();
    }
}
