package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.accounting.ObjectEvent;
import com.atlan.storage.accounting.ObjectOutcome;
import com.atlan.storage.accounting.PlanReason;
import com.atlan.storage.accounting.ProgressListener;
import com.atlan.storage.accounting.RetryEvent;
import com.atlan.storage.filter.ObjectFilter;
import com.atlan.storage.retry.RetryPolicy;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.store.TransientStorageException;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run records per object: one event each, failures filed as they happen, filters applied before planning. */
class RunRecordsTest {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2));

    @TempDir
    Path dir;

    private final MemoryBackend source = new MemoryBackend("objectstore");
    private final MemoryBackend destination = new MemoryBackend("upstream-objectstore");

    private static void write(Backend store, String key, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, PutOptions.DEFAULT);
    }

    /** Collects every event per key. */
    private static final class Recorder implements ProgressListener {
        final Map<String, ObjectEvent> events = new ConcurrentHashMap<>();
        final AtomicInteger duplicates = new AtomicInteger();
        final List<RetryEvent> retries = new CopyOnWriteArrayList<>();

        @Override
        public void onObject(ObjectEvent event) {
            if (events.put(event.key(), event) != null) {
                duplicates.incrementAndGet();
            }
        }

        @Override
        public void onRetry(RetryEvent event) {
            retries.add(event);
        }
    }

    @Test
    void everyObjectEndsWithOneEventSayingWhatThePlanDecidedAndWhy() {
        write(source, "new", "n");
        write(source, "same", "s");
        write(destination, "same", "s");
        write(source, "grown", "longer");
        write(destination, "grown", "short");
        AtomicInteger flaky = new AtomicInteger();
        Backend once = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                if (key.equals("new") && flaky.getAndIncrement() == 0) {
                    throw new TransientStorageException(name(), key, "reset", null);
                }
                return super.open(key);
            }
        };
        Recorder recorder = new Recorder();
        MigrationSummary summary = new Migrator(
                        once,
                        destination,
                        "",
                        MigrationOptions.builder()
                                .retry(FAST)
                                .skipUnchanged(true)
                                .listener(recorder)
                                .build())
                .run();

        assertThat(summary.succeeded()).isTrue();
        assertThat(recorder.duplicates).hasValue(0);
        assertThat(recorder.events).containsOnlyKeys("new", "same", "grown");
        ObjectEvent created = recorder.events.get("new");
        assertThat(created.reason()).isEqualTo(PlanReason.NEW);
        assertThat(created.outcome()).isEqualTo(ObjectOutcome.COPIED);
        assertThat(created.attempts()).isEqualTo(2);
        assertThat(created.bytes()).isEqualTo(1);
        ObjectEvent skipped = recorder.events.get("same");
        assertThat(skipped.action()).isEqualTo(ObjectEvent.Action.SKIP);
        assertThat(skipped.attempts()).isZero();
        assertThat(recorder.events.get("grown").reason()).isEqualTo(PlanReason.SIZE_DIFFERS);
        assertThat(recorder.retries).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("new");
            assertThat(r.cause()).isEqualTo(RetryEvent.Cause.SERVER);
        });
    }

    @Test
    void aFailuresFileListsEveryFailureWhileMemoryAndTheSummaryKeepOnlyTheFirst() throws IOException {
        IntStream.range(0, 40).forEach(i -> write(source, String.format("k/%03d", i), "v"));
        Backend denying = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                throw new StoragePermissionException(name(), key, "denied: " + key);
            }
        };
        Path failures = dir.resolve("failures.jsonl");
        MigrationSummary summary = new Migrator(
                        denying,
                        destination,
                        "",
                        MigrationOptions.builder()
                                .retry(FAST)
                                .failuresFile(failures)
                                .failuresKept(7)
                                .build())
                .run();

        assertThat(summary.failedMigrations()).isEqualTo(40);
        assertThat(summary.failures()).hasSize(7);
        assertThat(summary.failuresTruncated()).isTrue();
        assertThat(summary.failuresFile()).isEqualTo(failures.toString());
        assertThat(summary.toJson()).contains("\"failures_truncated\":true");
        List<String> lines = Files.readAllLines(failures);
        assertThat(lines).hasSize(40);
        assertThat(lines.stream()
                        .map(l -> l.replaceAll(".*\"file\":\"([^\"]+)\".*", "$1"))
                        .collect(Collectors.toSet()))
                .hasSize(40);
    }

    @Test
    void aRunWithFewFailuresKeepsTheSpecsEqualityAndSaysNothingWasCut() {
        write(source, "a", "1");
        MigrationSummary summary =
                new Migrator(source, destination, "", MigrationOptions.builder().build()).run();
        assertThat(summary.failuresTruncated()).isFalse();
        assertThat(summary.toJson()).doesNotContain("failures_truncated");
    }

    @Test
    void filteredOutObjectsAreNeitherCopiedNorCounted() {
        write(source, "data/a.csv", "a");
        write(source, "data/b.json", "b");
        write(source, "data/tmp/c.csv", "c");
        MigrationSummary summary = new Migrator(
                        source,
                        destination,
                        "data",
                        MigrationOptions.builder()
                                .filter(ObjectFilter.builder()
                                        .include("*.csv")
                                        .exclude("tmp/")
                                        .build())
                                .build())
                .run();
        // tmp/c.csv matches the include first: rclone's first-match rule
        assertThat(summary.totalFiles()).isEqualTo(2);
        assertThat(destination.stat("data/a.csv")).isPresent();
        assertThat(destination.stat("data/tmp/c.csv")).isPresent();
        assertThat(destination.stat("data/b.json")).isEmpty();
    }
}
