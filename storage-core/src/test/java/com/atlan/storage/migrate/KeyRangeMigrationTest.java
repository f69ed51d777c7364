package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.listing.KeyRange;
import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.state.SqliteCheckpointStore;
import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.testing.CountingBackend;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.MemoryBackend;
import com.atlan.storage.testing.ReorderingBackend;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRangeMigrationTest {

    @TempDir
    Path dir;

    private final MemoryBackend source = new MemoryBackend("objectstore");
    private final MemoryBackend destination = new MemoryBackend("upstream-objectstore");

    private void write(String key) {
        byte[] bytes = ("content of " + key).getBytes(StandardCharsets.UTF_8);
        source.put(key, new ByteArrayInputStream(bytes), bytes.length, PutOptions.DEFAULT);
    }

    private static List<String> keysOf(MemoryBackend store) {
        try (var listing = store.list("", null)) {
            return listing.map(o -> o.key()).toList();
        }
    }

    private MigrationSummary migrate(String startAfter, String endAt) {
        return new Migrator(
                        source,
                        destination,
                        "d",
                        MigrationOptions.builder().keyRange(startAfter, endAt).build())
                .run();
    }

    @Test
    void aRangeMigratesOnlyTheKeysAfterItsStartUpToAndIncludingItsEnd() {
        IntStream.range(0, 10).forEach(i -> write("d/" + i));
        write("other/x");

        MigrationSummary summary = migrate("d/2", "d/6");

        assertThat(summary.totalFiles()).isEqualTo(4);
        assertThat(summary.migratedFiles()).isEqualTo(4);
        assertThat(keysOf(destination)).containsExactly("d/3", "d/4", "d/5", "d/6");
    }

    @Test
    void adjoiningRangesAddUpToTheWholePrefixWithEveryKeyCountedOnce() {
        IntStream.range(0, 30).forEach(i -> write(String.format("d/%02d", i)));
        List<KeyRange> parts = List.of(
                new KeyRange(null, "d/07"),
                new KeyRange("d/07", "d/19"),
                new KeyRange("d/19", "d/19"),
                new KeyRange("d/19", null));

        long total = 0;
        long migrated = 0;
        for (KeyRange part : parts) {
            MigrationSummary summary = migrate(part.startAfter(), part.endAt());
            total += summary.totalFiles();
            migrated += summary.migratedFiles();
        }

        assertThat(total).isEqualTo(30);
        assertThat(migrated).isEqualTo(30);
        assertThat(keysOf(destination)).hasSize(30);
    }

    @Test
    void aRangeBoundsTheSourceListingInAStoreThatListsInNoOrder() {
        IntStream.range(0, 20).forEach(i -> write(String.format("d/%02d", i)));
        ReorderingBackend shuffled = new ReorderingBackend(source, ListingOrder.UNORDERED, 7);

        MigrationSummary summary = new Migrator(
                        shuffled,
                        destination,
                        "d",
                        MigrationOptions.builder().keyRange("d/04", "d/09").build())
                .run();

        assertThat(summary.totalFiles()).isEqualTo(5);
        assertThat(keysOf(destination)).containsExactly("d/05", "d/06", "d/07", "d/08", "d/09");
    }

    @Test
    void aRangeCheckpointsUnderItsOwnJobAndResumesOnlyItsOwnFailures() {
        IntStream.range(0, 20).forEach(i -> write(String.format("d/%02d", i)));
        ForwardingBackend denying = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                if (key.equals("d/12")) {
                    throw new StoragePermissionException(name(), key, "denied (injected)");
                }
                return super.open(key);
            }
        };
        MigrationOptions firstHalf =
                MigrationOptions.builder().keyRange(null, "d/09").build();
        MigrationOptions secondHalf =
                MigrationOptions.builder().keyRange("d/09", null).build();
        try (SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(dir.resolve("state.db"))) {
            Migrator first = new Migrator(denying, destination, "d", firstHalf, checkpoints);
            Migrator second = new Migrator(denying, destination, "d", secondHalf, checkpoints);
            assertThat(first.jobId()).isNotEqualTo(second.jobId());
            assertThat(first.jobId()).startsWith(Checkpoint.jobIdFor("objectstore", "upstream-objectstore", "d"));

            assertThat(first.run().failedMigrations()).isZero();
            assertThat(second.run().failedMigrations()).isEqualTo(1);
            assertThat(checkpoints.load(second.jobId()).orElseThrow().failures())
                    .containsOnlyKeys("d/12");

            CountingBackend counted = new CountingBackend(destination);
            MigrationSummary resumed = new Migrator(
                            source,
                            counted,
                            "d",
                            secondHalf.toBuilder().resume(true).build(),
                            checkpoints)
                    .run();

            assertThat(resumed.totalFiles()).isEqualTo(10);
            assertThat(resumed.migratedFiles()).isEqualTo(10);
            assertThat(counted.putKeys).containsExactly("d/12");
        }
    }

    @Test
    void anEmptyRangeMigratesNothing() {
        IntStream.range(0, 5).forEach(i -> write("d/" + i));

        MigrationSummary summary = migrate("d/3", "d/3");

        assertThat(summary.totalFiles()).isZero();
        assertThat(keysOf(destination)).isEmpty();
    }
}
