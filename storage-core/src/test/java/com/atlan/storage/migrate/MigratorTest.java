package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.accounting.Progress;
import com.atlan.storage.retry.RetryPolicy;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.TransientStorageException;
import com.atlan.storage.store.local.LocalBackend;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {

    private static final MigrationOptions FAST_RETRIES = MigrationOptions.builder()
            .retry(new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)))
            .build();

    @TempDir
    Path dir;

    LocalBackend source;
    LocalBackend destination;

    @BeforeEach
    void stores() {
        source = new LocalBackend("objectstore", dir.resolve("src"));
        destination = new LocalBackend("upstream-objectstore", dir.resolve("dst"));
    }

    private void write(Backend store, String key, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, PutOptions.DEFAULT);
    }

    private String read(Backend store, String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private MigrationSummary migrate(Backend from, String prefix, MigrationOptions options) {
        return new Migrator(from, destination, prefix, options).run();
    }

    @Test
    void migratesZeroByteLargeAndOddlyNamedObjectsByteForByte() throws IOException {
        List<String> keys = List.of(
                "data/empty.bin",
                "data/ünïcødé/日本語.txt",
                "data/with space.txt",
                "data/100%/p+q.txt",
                "data/emoji-😀.txt");
        write(source, "data/empty.bin", "");
        for (String key : keys.subList(1, keys.size())) {
            write(source, key, "content of " + key);
        }
        Path big = TestData.writeRandomFile(source.root().resolve("data/big.bin"), 7, 50L * 1024 * 1024);

        MigrationSummary summary = migrate(source, "data/", MigrationOptions.defaults());

        assertThat(summary.totalFiles()).isEqualTo(6);
        assertThat(summary.migratedFiles()).isEqualTo(6);
        assertThat(summary.failures()).isEmpty();
        assertThat(summary.bytesMigrated())
                .isEqualTo(Files.size(big)
                        + keys.subList(1, keys.size()).stream()
                                .mapToLong(k -> ("content of " + k).getBytes(StandardCharsets.UTF_8).length)
                                .sum());
        assertThat(Files.size(destination.root().resolve("data/empty.bin"))).isZero();
        for (String key : keys.subList(1, keys.size())) {
            assertThat(read(destination, key)).isEqualTo("content of " + key);
        }
        assertThat(TestData.sha256(destination.root().resolve("data/big.bin"))).isEqualTo(TestData.sha256(big));
    }

    @Test
    void keepsModificationTimes() throws IOException {
        write(source, "a.txt", "x");
        Files.setLastModifiedTime(
                source.root().resolve("a.txt"), java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        migrate(new ForwardingBackend(source), "", MigrationOptions.defaults());
        assertThat(Files.getLastModifiedTime(destination.root().resolve("a.txt"))
                        .toMillis())
                .isEqualTo(1_000_000_000_000L);
    }

    @Test
    void prefixDoesNotSelectSiblings() {
        write(source, "orders/1.json", "1");
        write(source, "orders_archive/2.json", "2");
        write(source, "orders-old/3.json", "3");
        write(source, "report.csv", "the key itself");
        write(source, "report.csv.bak", "a sibling");

        MigrationSummary summary = migrate(source, "orders", MigrationOptions.defaults());
        assertThat(summary.totalFiles()).isEqualTo(1);
        assertThat(destination.list("", null).map(ObjectInfo::key)).containsExactly("orders/1.json");

        MigrationSummary exactKey = migrate(source, "report.csv", MigrationOptions.defaults());
        assertThat(exactKey.totalFiles()).isEqualTo(1);
        assertThat(destination.stat("report.csv")).isPresent();
        assertThat(destination.stat("report.csv.bak")).isEmpty();

        MigrationSummary dirOnly = migrate(source, "orders/", MigrationOptions.defaults());
        assertThat(dirOnly.totalFiles()).isEqualTo(1);
        assertThat(dirOnly.prefix()).isEqualTo("orders/");
    }

    @Test
    void emptyPrefixMigratesEverythingAndNoMatchGivesZeroSummary() {
        write(source, "a/1", "1");
        write(source, "b/2", "2");
        assertThat(migrate(source, "", MigrationOptions.defaults()).migratedFiles())
                .isEqualTo(2);

        MigrationSummary none = migrate(source, "nothing/here/", MigrationOptions.defaults());
        assertThat(none.totalFiles()).isZero();
        assertThat(none.failedMigrations()).isZero();
        assertThat(none.prefix()).isEqualTo("nothing/here/");
        assertThat(none.source()).isEqualTo("objectstore");
        assertThat(none.destination()).isEqualTo("upstream-objectstore");
    }

    @Test
    void sourceObjectThatDisappearsBecomesOneFailure() {
        IntStream.range(0, 10).forEach(i -> write(source, "k/" + i, "v" + i));
        Backend vanishing = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                if (key.equals("k/3")) {
                    source.delete(key);
                }
                return super.open(key);
            }
        };
        MigrationSummary summary = migrate(vanishing, "k", FAST_RETRIES);
        assertThat(summary.totalFiles()).isEqualTo(10);
        assertThat(summary.migratedFiles()).isEqualTo(9);
        assertThat(summary.failedMigrations()).isEqualTo(1);
        assertThat(summary.failures()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("k/3");
            assertThat(f.error()).contains("k/3").contains("objectstore");
        });
        assertThat(destination.stat("k/3")).isEmpty();
    }

    @Test
    void transientFaultIsRetriedToSuccess() {
        write(source, "flaky.txt", "eventually");
        AtomicInteger opens = new AtomicInteger();
        Backend flaky = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                if (opens.incrementAndGet() <= 3) {
                    throw new TransientStorageException(name(), key, "503 SlowDown (injected)");
                }
                return super.open(key);
            }
        };
        MigrationSummary summary = migrate(flaky, "", FAST_RETRIES);
        assertThat(summary.migratedFiles()).isEqualTo(1);
        assertThat(opens).hasValue(4);
    }

    @Test
    void transientFaultThatNeverPassesFailsAfterMaxAttempts() {
        write(source, "down.txt", "x");
        AtomicInteger opens = new AtomicInteger();
        Backend down = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                opens.incrementAndGet();
                throw new TransientStorageException(name(), key, "503 SlowDown (injected)");
            }
        };
        MigrationSummary summary = migrate(down, "", FAST_RETRIES);
        assertThat(summary.failedMigrations()).isEqualTo(1);
        assertThat(opens).hasValue(5);
    }

    @Test
    void sourceShorterThanListedIsAnIntegrityFailureNotASuccess() {
        write(source, "changing.txt", "0123456789");
        Backend truncating = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                return new ObjectContent(
                        new ByteArrayInputStream("01234".getBytes(StandardCharsets.UTF_8)),
                        ObjectInfo.of(key, 5, null));
            }
        };
        MigrationSummary summary = migrate(truncating, "", FAST_RETRIES);
        assertThat(summary.migratedFiles()).isZero();
        assertThat(summary.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.error()).contains("changed"));
        assertThat(destination.stat("changing.txt")).isEmpty();
    }

    @Test
    void sourceLongerThanListedIsAnIntegrityFailure() {
        write(source, "growing.txt", "0123");
        Backend growing = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                return new ObjectContent(
                        new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.UTF_8)),
                        ObjectInfo.of(key, 10, null));
            }
        };
        MigrationSummary summary = migrate(growing, "", FAST_RETRIES);
        assertThat(summary.migratedFiles()).isZero();
        assertThat(summary.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.error()).contains("more than"));
    }

    @Test
    void aListingThatFailsTransientlyIsReopenedAfterItsLastKey() {
        IntStream.range(0, 9).forEach(i -> write(source, "p/" + i, "v"));
        List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        Backend flaky = new ForwardingBackend(source) {
            @Override
            public Stream<ObjectInfo> list(String prefix, String startAfter) {
                opened.add(String.valueOf(startAfter));
                List<ObjectInfo> rest = super.list(prefix, startAfter).toList();
                if (rest.size() <= 3) {
                    return rest.stream();
                }
                return Stream.concat(rest.subList(0, 3).stream(), Stream.generate(() -> {
                    throw new TransientStorageException(name(), null, "connection reset (injected)");
                }));
            }
        };
        MigrationSummary summary = migrate(flaky, "p/", FAST_RETRIES);
        assertThat(summary.migratedFiles()).isEqualTo(9);
        assertThat(opened).containsExactly("null", "p/2", "p/5");
    }

    @Test
    void aListingThatKeepsFailingStopsTheRunWithTheSummarySoFar() {
        IntStream.range(0, 5).forEach(i -> write(source, "p/" + i, "v"));
        AtomicInteger opens = new AtomicInteger();
        Backend broken = new ForwardingBackend(source) {
            @Override
            public Stream<ObjectInfo> list(String prefix, String startAfter) {
                opens.incrementAndGet();
                Stream<ObjectInfo> head =
                        startAfter == null ? super.list(prefix, null).limit(2) : Stream.empty();
                return Stream.concat(head, Stream.generate(() -> {
                    throw new TransientStorageException(name(), null, "connection reset (injected)");
                }));
            }
        };
        assertThatThrownBy(() -> migrate(broken, "p/", FAST_RETRIES))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("listing objectstore")
                .hasMessageContaining("connection reset")
                .satisfies(e -> assertThat(
                                ((MigrationException) e).partialSummary().migratedFiles())
                        .isEqualTo(2));
        assertThat(opens).as("the first opening and four retries").hasValue(5);
    }

    @Test
    void neverRunsMoreTransfersThanTheConcurrencyLimit() {
        IntStream.range(0, 60).forEach(i -> write(source, "c/" + i, "v" + i));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Backend slow = new ForwardingBackend(destination) {
            @Override
            public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(5);
                    return super.put(key, data, length, options);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    running.decrementAndGet();
                }
            }
        };
        MigrationSummary summary = new Migrator(
                        source,
                        slow,
                        "c",
                        MigrationOptions.builder().concurrency(4).build())
                .run();
        assertThat(summary.migratedFiles()).isEqualTo(60);
        assertThat(peak.get()).isBetween(2, 4);
    }

    @Test
    void dryRunWritesNothing() {
        write(source, "d/1", "1");
        MigrationSummary summary =
                migrate(source, "d", MigrationOptions.builder().dryRun(true).build());
        assertThat(summary.totalFiles()).isEqualTo(1);
        assertThat(summary.migratedFiles()).isZero();
        assertThat(destination.list("", null)).isEmpty();
    }

    @Test
    void failureRateLimitStopsTheRun() {
        IntStream.range(0, 100).forEach(i -> write(source, "f/" + String.format("%03d", i), "v"));
        Backend failing = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                throw new com.atlan.storage.store.StoragePermissionException(name(), key, "denied (injected)");
            }
        };
        MigrationOptions options =
                MigrationOptions.builder().concurrency(1).maxFailureRate(0.05).build();
        assertThatThrownBy(() -> migrate(failing, "f", options))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("failure rate")
                .satisfies(e -> assertThat(
                                ((MigrationException) e).partialSummary().totalFiles())
                        .isLessThan(100));
    }

    @Test
    void startRunsInTheBackgroundAndReportsProgress() throws Exception {
        IntStream.range(0, 20).forEach(i -> write(source, "bg/" + i, "v" + i));
        MigrationHandle handle = new Migrator(source, destination, "bg", MigrationOptions.defaults()).start();
        MigrationSummary summary = handle.completion().get(30, TimeUnit.SECONDS);
        assertThat(summary.migratedFiles()).isEqualTo(20);
        Progress progress = handle.progress();
        assertThat(progress.listingComplete()).isTrue();
        assertThat(progress.doneFiles()).isEqualTo(20);
        assertThat(progress.transferredBytes()).isEqualTo(summary.bytesMigrated());
    }

    @Test
    void summaryJsonHasTheSpecFieldNames() throws IOException {
        write(source, "j/ok", "1");
        Backend oneFails = new ForwardingBackend(source) {
            @Override
            public Stream<ObjectInfo> list(String prefix, String startAfter) {
                return Stream.concat(super.list(prefix, startAfter), Stream.of(ObjectInfo.of("j/zz-missing", 3, null)));
            }
        };
        MigrationSummary summary = migrate(oneFails, "j/", MigrationOptions.defaults());
        JsonNode json = new ObjectMapper().readTree(summary.toJson());
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "total_files",
                        "migrated_files",
                        "failed_migrations",
                        "failures",
                        "prefix",
                        "source",
                        "destination",
                        "skipped_files",
                        "bytes_migrated",
                        "elapsed_ms");
        assertThat(json.get("failures").get(0).fieldNames()).toIterable().containsExactly("file", "error");
        assertThat(json.get("failures").get(0).get("file").asText()).isEqualTo("j/zz-missing");
        assertThat(json.get("failed_migrations").asLong())
                .isEqualTo(json.get("failures").size());
        assertThat(MigrationSummary.fromJson(summary.toJson())).isEqualTo(summary);
    }
}
