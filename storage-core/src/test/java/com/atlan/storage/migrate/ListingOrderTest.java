package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.state.SqliteCheckpointStore;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.testing.CountingBackend;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.MemoryBackend;
import com.atlan.storage.testing.ReorderingBackend;
import com.atlan.storage.verify.VerificationReport;
import com.atlan.storage.verify.Verifier;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores list in code point order, UTF-16 order or none: plans are right whatever they declare. */
class ListingOrderTest {

    /** Pairs whose order differs between code point and UTF-16 order, and pairs file systems mix up. */
    private static final List<String> KEYS = List.of(
            "emoji-😀.txt",
            "emoji-\uFFFD.txt",
            "order/a",
            "order/a-b",
            "2024.csv",
            "2024/x",
            "plain/1",
            "plain/2",
            "z-last");

    @TempDir
    Path dir;

    private final MemoryBackend sourceData = new MemoryBackend("objectstore");
    private final MemoryBackend destinationData = new MemoryBackend("upstream-objectstore");

    private static void write(Backend store, String key) {
        byte[] bytes = ("content of " + key).getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, PutOptions.DEFAULT);
    }

    private static EngineLimits smallSorts(Path dir) {
        return new EngineLimits(1000, 2, 1000, dir, Thread::sleep);
    }

    @Test
    void aReRunBetweenStoresOfEveryPairOfOrdersSkipsEverythingAndCopiesNothing() {
        KEYS.forEach(k -> write(sourceData, k));
        new Migrator(sourceData, destinationData, "", MigrationOptions.defaults()).run();
        for (ListingOrder from : ListingOrder.values()) {
            for (ListingOrder to : ListingOrder.values()) {
                CountingBackend counted = new CountingBackend(new ReorderingBackend(destinationData, to, 3));
                MigrationSummary summary = new Migrator(
                                new ReorderingBackend(sourceData, from, 5),
                                counted,
                                "",
                                MigrationOptions.defaults(),
                                null,
                                smallSorts(dir))
                        .run();
                assertThat(summary.skippedFiles()).as(from + " -> " + to).isEqualTo(KEYS.size());
                assertThat(counted.puts).as(from + " -> " + to).hasValue(0);
            }
        }
    }

    @Test
    void anUnorderedSourceIsSortedOnDiskAndCopiedWhole() {
        for (int i = 0; i < 200; i++) {
            write(sourceData, String.format("u/%03d", i));
        }
        MigrationSummary summary = new Migrator(
                        new ReorderingBackend(sourceData, ListingOrder.UNORDERED, 11),
                        destinationData,
                        "u/",
                        MigrationOptions.defaults(),
                        null,
                        smallSorts(dir))
                .run();
        assertThat(summary.migratedFiles()).isEqualTo(200);
        assertThat(destinationData.list("", null).count()).isEqualTo(200);
    }

    @Test
    void aListingOutOfItsDeclaredOrderIsAnErrorNamingTheStoreAndBothKeys() {
        KEYS.forEach(k -> write(sourceData, k));
        Backend lying = new ForwardingBackend(sourceData) {
            @Override
            public Stream<ObjectInfo> list(String prefix, String startAfter) {
                // declares code point order but lists as a file system would
                return new ReorderingBackend(sourceData, ListingOrder.UNORDERED, 1).list(prefix, startAfter);
            }
        };
        assertThatThrownBy(() -> new Migrator(lying, destinationData, "", MigrationOptions.defaults()).run())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("objectstore")
                .hasMessageContaining("not in the code point (UTF-8 byte) order it declares")
                .hasMessageMatching("(?s).*'[^']+' came after '[^']+'.*");
    }

    @Test
    void verifyComparesStoresOfDifferentOrders() {
        KEYS.forEach(k -> write(sourceData, k));
        new Migrator(sourceData, destinationData, "", MigrationOptions.defaults()).run();
        VerificationReport report = new Verifier(
                        new ReorderingBackend(sourceData, ListingOrder.UTF16, 1),
                        new ReorderingBackend(destinationData, ListingOrder.UNORDERED, 2),
                        "",
                        false)
                .run();
        assertThat(report.matches()).as(report.toJson()).isTrue();
        assertThat(report.matching()).isEqualTo(KEYS.size());
    }

    @Test
    void aJobOnAnUnorderedSourceResumesWithoutLosingOrRecopyingObjects() {
        for (int i = 0; i < 60; i++) {
            write(sourceData, String.format("r/%02d", i));
        }
        Backend unordered = new ReorderingBackend(sourceData, ListingOrder.UNORDERED, 9);
        Backend refusingAfter20 = new ForwardingBackend(destinationData) {
            private final java.util.concurrent.atomic.AtomicInteger puts =
                    new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
                if (puts.incrementAndGet() > 20) {
                    throw new StoragePermissionException(name(), key, "denied (injected)", null, true);
                }
                return super.put(key, data, length, options);
            }
        };
        try (SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(dir.resolve("state.db"))) {
            MigrationOptions options =
                    MigrationOptions.builder().concurrency(1).jobId("unordered").build();
            assertThatThrownBy(() ->
                            new Migrator(unordered, refusingAfter20, "r/", options, checkpoints, smallSorts(dir)).run())
                    .isInstanceOf(MigrationException.class);
            Checkpoint saved = checkpoints.load("unordered").orElseThrow();
            assertThat(saved.order()).isEqualTo("CODE_POINT");
            assertThat(saved.complete()).isFalse();

            CountingBackend counted = new CountingBackend(destinationData);
            MigrationSummary resumed = new Migrator(
                            unordered,
                            counted,
                            "r/",
                            options.toBuilder().resume(true).build(),
                            checkpoints,
                            smallSorts(dir))
                    .run();
            assertThat(resumed.totalFiles()).isEqualTo(60);
            assertThat(resumed.migratedFiles()).isEqualTo(60);
            assertThat(resumed.failures()).isEmpty();
            assertThat(counted.putKeys).hasSize(40).doesNotContain("r/00");
            assertThat(destinationData.list("", null).count()).isEqualTo(60);
        }
    }
}
