package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.retry.RetryPolicy;
import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.state.SqliteCheckpointStore;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.store.TransientStorageException;
import com.atlan.storage.testing.CountingBackend;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {

    @TempDir
    Path dir;

    private final MemoryBackend source = new MemoryBackend("objectstore");
    private final MemoryBackend destination = new MemoryBackend("upstream-objectstore");

    private void write(String key, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        source.put(key, new ByteArrayInputStream(bytes), bytes.length, PutOptions.DEFAULT);
    }

    @Test
    void resumeRetriesEarlierFailuresAndTheSummaryCoversTheWholeJob() {
        IntStream.range(0, 30).forEach(i -> write(String.format("k/%02d", i), "v" + i));
        Set<String> denied = Set.of("k/03", "k/17");
        ForwardingBackend flaky = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                if (denied.contains(key)) {
                    throw new StoragePermissionException(name(), key, "denied (injected)");
                }
                return super.open(key);
            }
        };
        try (SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(dir.resolve("state.db"))) {
            MigrationSummary first =
                    new Migrator(flaky, destination, "k", MigrationOptions.defaults(), checkpoints).run();
            assertThat(first.failedMigrations()).isEqualTo(2);
            Checkpoint saved = checkpoints
                    .load(Checkpoint.jobIdFor("objectstore", "upstream-objectstore", "k"))
                    .orElseThrow();
            assertThat(saved.complete()).isTrue();
            assertThat(saved.failures()).containsOnlyKeys("k/03", "k/17");

            CountingBackend counted = new CountingBackend(destination);
            MigrationSummary resumed = new Migrator(
                            source,
                            counted,
                            "k",
                            MigrationOptions.builder().resume(true).build(),
                            checkpoints)
                    .run();
            assertThat(resumed.totalFiles()).isEqualTo(30);
            assertThat(resumed.failures()).isEmpty();
            assertThat(counted.putKeys).containsExactlyInAnyOrder("k/03", "k/17");
        }
    }

    @Test
    void resumeAfterAListingFailureContinuesFromTheWatermark() {
        IntStream.range(0, 40).forEach(i -> write(String.format("p/%02d", i), "v" + i));
        ForwardingBackend breaking = new ForwardingBackend(source) {
            @Override
            public Stream<ObjectInfo> list(String prefix, String startAfter) {
                Stream<ObjectInfo> head =
                        startAfter == null ? super.list(prefix, null).limit(25) : Stream.empty();
                return Stream.concat(head, Stream.generate(() -> {
                    throw new TransientStorageException(name(), null, "connection reset (injected)");
                }));
            }
        };
        try (SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(dir.resolve("state.db"))) {
            MigrationOptions options = MigrationOptions.builder()
                    .jobId("listing-breaks")
                    .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)))
                    .build();
            assertThatThrownBy(() -> new Migrator(breaking, destination, "p/", options, checkpoints).run())
                    .isInstanceOf(MigrationException.class);
            Checkpoint saved = checkpoints.load("listing-breaks").orElseThrow();
            assertThat(saved.complete()).isFalse();
            assertThat(saved.watermark()).isEqualTo("p/24");

            CountingBackend from = new CountingBackend(source);
            MigrationSummary resumed = new Migrator(
                            from,
                            destination,
                            "p/",
                            options.toBuilder().resume(true).build(),
                            checkpoints)
                    .run();
            assertThat(resumed.totalFiles()).isEqualTo(40);
            assertThat(resumed.migratedFiles()).isEqualTo(40);
            assertThat(from.opens.get()).isEqualTo(15);
        }
    }

    @Test
    void resumingAnotherMigrationsJobIdIsRefused() {
        write("a", "1");
        try (SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(dir.resolve("state.db"))) {
            MigrationOptions options =
                    MigrationOptions.builder().jobId("shared").build();
            new Migrator(source, destination, "a", options, checkpoints).run();
            checkpoints.save(checkpoints
                    .load("shared")
                    .map(c -> new Checkpoint(
                            c.jobId(),
                            c.source(),
                            c.destination(),
                            c.prefix(),
                            null,
                            c.doneAboveWatermark(),
                            c.failures(),
                            0,
                            0,
                            0,
                            0,
                            false,
                            0))
                    .orElseThrow());
            assertThatThrownBy(() -> new Migrator(
                                    source,
                                    destination,
                                    "b",
                                    options.toBuilder().resume(true).build(),
                                    checkpoints)
                            .run())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pass another job id");
        }
    }
}
