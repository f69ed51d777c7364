package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.accounting.ObjectOutcome;
import com.atlan.storage.accounting.ProgressListener;
import com.atlan.storage.retry.Retrier;
import com.atlan.storage.retry.RetryPolicy;
import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.state.CheckpointStore;
import com.atlan.storage.state.SqliteCheckpointStore;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.store.TransientStorageException;
import com.atlan.storage.testing.CountingBackend;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.MemoryBackend;
import com.atlan.storage.testing.OutcomeRecorder;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine under errors, dry runs, cancellation and failing state: no key lost, no run stuck (issue 17). */
class EngineFaultsTest {

    private static final RetryPolicy FAST = new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(2));
    private static final MigrationOptions OPTIONS =
            MigrationOptions.builder().retry(FAST).build();

    @TempDir
    Path dir;

    private final MemoryBackend source = new MemoryBackend("objectstore");
    private final MemoryBackend destination = new MemoryBackend("upstream-objectstore");

    private static void write(Backend store, String key, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, PutOptions.DEFAULT);
    }

    private void seed(int count) {
        IntStream.range(0, count).forEach(i -> write(source, String.format("k/%05d", i), "v" + i));
    }

    private EngineLimits limits(int window, int failureCap) {
        return new EngineLimits(window, 1000, failureCap, dir, Thread::sleep);
    }

    enum Step {
        OPEN,
        READ,
        PUT,
        SERVER_SIDE_COPY,
        LISTENER
    }

    /** Source and destination that throw {@code error} at {@code step} for the key {@code k/00003}. */
    private Migrator failingAt(Step step, Supplier<Error> error) {
        String bad = "k/00003";
        Backend from = new ForwardingBackend(source) {
            @Override
            public Features features() {
                return step == Step.SERVER_SIDE_COPY
                        ? new Features(
                                Set.of(),
                                Set.of(),
                                true,
                                Set.of(),
                                super.features().listingOrder(),
                                "d",
                                false,
                                false)
                        : super.features();
            }

            @Override
            public ObjectContent open(String key) {
                if (step == Step.OPEN && key.equals(bad)) {
                    throw error.get();
                }
                ObjectContent content = super.open(key);
                return step == Step.READ && key.equals(bad)
                        ? content.wrap(in -> new FilterInputStream(in) {
                            @Override
                            public int read(byte[] b, int off, int len) {
                                throw error.get();
                            }
                        })
                        : content;
            }
        };
        Backend to = new ForwardingBackend(destination) {
            @Override
            public Features features() {
                return step == Step.SERVER_SIDE_COPY
                        ? new Features(
                                Set.of(),
                                Set.of(),
                                true,
                                Set.of(),
                                super.features().listingOrder(),
                                "d",
                                false,
                                false)
                        : super.features();
            }

            @Override
            public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
                if (step == Step.PUT && key.equals(bad)) {
                    throw error.get();
                }
                return super.put(key, data, length, options);
            }

            @Override
            public ObjectInfo copyFrom(Backend from, ObjectInfo object) {
                if (object.key().equals(bad)) {
                    throw error.get();
                }
                return super.put(object.key(), from.open(object.key()), object.size(), PutOptions.DEFAULT);
            }
        };
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onMigrated(ObjectInfo object) {
                if (step == Step.LISTENER && object.key().equals(bad)) {
                    throw error.get();
                }
            }
        };
        return new Migrator(
                from, to, "k", OPTIONS.toBuilder().listener(listener).build());
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void anErrorAtAnyStepFailsOnlyThatKeyAndNoKeyStaysInFlight(Step step) {
        seed(10);
        MigrationSummary summary = failingAt(step, () -> new NoSuchMethodError("injected at " + step))
                .run();
        assertThat(summary.totalFiles()).isEqualTo(10);
        if (step == Step.LISTENER) {
            assertThat(summary.migratedFiles())
                    .as("a listener's failure is not the object's")
                    .isEqualTo(10);
        } else {
            assertThat(summary.failedMigrations()).isEqualTo(1);
            assertThat(summary.failures().get(0).file()).isEqualTo("k/00003");
            assertThat(summary.failures().get(0).error())
                    .as("the message, without the Java class name")
                    .isEqualTo("injected at " + step);
            assertThat(summary.succeeded()).isFalse();
        }
    }

    @Test
    void anObjectTheServerCannotCopyServerSideIsStreamedInsteadAndBookedAsStreamed() {
        seed(10);
        Features copying = new Features(
                Set.of(), Set.of(), true, Set.of(), destination.features().listingOrder(), "d", false, false);
        Backend from = new ForwardingBackend(source) {
            @Override
            public Features features() {
                return copying;
            }
        };
        Backend to = new ForwardingBackend(destination) {
            @Override
            public Features features() {
                return copying;
            }

            @Override
            public ObjectInfo copyFrom(Backend origin, ObjectInfo object) {
                if (object.key().equals("k/00003")) {
                    throw new UnsupportedOperationException("no copy source named like that");
                }
                return super.put(object.key(), origin.open(object.key()), object.size(), PutOptions.DEFAULT);
            }
        };
        OutcomeRecorder recording = new OutcomeRecorder();
        MigrationSummary summary = new Migrator(
                        from, to, "k", OPTIONS.toBuilder().listener(recording).build())
                .run();
        Map<String, ObjectOutcome> outcomes = recording.outcomes();
        assertThat(summary.migratedFiles()).isEqualTo(10);
        assertThat(summary.failedMigrations()).isZero();
        assertThat(destination.stat("k/00003")).isPresent();
        assertThat(outcomes).hasSize(10).containsEntry("k/00003", ObjectOutcome.COPIED);
        assertThat(outcomes)
                .as("the others went server side")
                .allSatisfy((key, outcome) -> assertThat(outcome)
                        .isEqualTo(key.equals("k/00003") ? ObjectOutcome.COPIED : ObjectOutcome.COPIED_SERVER_SIDE));
    }

    @Test
    void anOutOfMemoryErrorStopsTheRunWithTheSummarySoFar() {
        seed(10);
        assertThatThrownBy(() -> failingAt(Step.PUT, () -> new OutOfMemoryError("injected"))
                        .run())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("OutOfMemoryError")
                .satisfies(e -> {
                    MigrationSummary partial = ((MigrationException) e).partialSummary();
                    assertThat(partial.failures()).extracting(f -> f.file()).contains("k/00003");
                });
    }

    @Test
    void anErrorOnEveryWriteFailsEveryObjectAndTheRunEnds() {
        seed(50);
        Backend to = new ForwardingBackend(destination) {
            @Override
            public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
                throw new NoSuchMethodError("injected");
            }
        };
        MigrationSummary summary = new Migrator(source, to, "", OPTIONS).run();
        assertThat(summary.totalFiles()).isEqualTo(50);
        assertThat(summary.failedMigrations()).isEqualTo(50);
    }

    @Test
    void aStoreWideFailureStopsTheRunInsteadOfFailingEveryObject() {
        seed(200);
        CountingBackend refusing = new CountingBackend(destination) {
            @Override
            public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
                super.put(key, data, length, options);
                throw new StoragePermissionException(name(), key, "the credentials were rejected", null, true);
            }
        };
        assertThatThrownBy(() -> new Migrator(
                                source,
                                refusing,
                                "",
                                OPTIONS.toBuilder().concurrency(2).build())
                        .run())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("credentials were rejected")
                .hasMessageContaining("every object would fail")
                .satisfies(e -> assertThat(
                                ((MigrationException) e).partialSummary().failedMigrations())
                        .isBetween(1L, 3L));
        assertThat(refusing.puts.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void aDryRunOfAnIncrementalReRunFinishesWithoutAnInFlightSet() {
        seed(3000);
        new Migrator(source, destination, "", OPTIONS).run();
        write(source, "k/00000", "changed!");
        // a window of 10 would stop a lister that kept dry-run keys in flight after the 10th
        MigrationSummary dry = new Migrator(
                        source,
                        destination,
                        "",
                        OPTIONS.toBuilder().dryRun(true).build(),
                        null,
                        limits(10, 1000))
                .run();
        assertThat(dry.totalFiles()).isEqualTo(3000);
        assertThat(dry.migratedFiles()).as("already identical").isEqualTo(2999);
        assertThat(dry.skippedFiles()).isEqualTo(2999);
        assertThat(dry.copiedFiles()).isZero();

        MigrationSummary copyAll = new Migrator(
                        source,
                        destination,
                        "",
                        OPTIONS.toBuilder().dryRun(true).skipUnchanged(false).build(),
                        null,
                        limits(10, 1000))
                .run();
        assertThat(copyAll.totalFiles()).isEqualTo(3000);
        assertThat(copyAll.migratedFiles()).isZero();
    }

    @Test
    void aDryRunResumeReportsWhatTheResumedJobWouldStillDo() {
        seed(40);
        try (SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(dir.resolve("state.db"))) {
            MigrationOptions options =
                    OPTIONS.toBuilder().concurrency(1).jobId("dry").build();
            stopAfterPuts(25, options, checkpoints);
            MigrationSummary dry = new Migrator(
                            source,
                            destination,
                            "",
                            options.toBuilder().resume(true).dryRun(true).build(),
                            checkpoints)
                    .run();
            assertThat(dry.totalFiles()).isEqualTo(40);
            assertThat(dry.migratedFiles()).as("done by the first run").isEqualTo(25);
            assertThat(checkpoints.load("dry").orElseThrow().complete())
                    .as("a dry run saves nothing")
                    .isFalse();
            MigrationSummary real = new Migrator(
                            source,
                            destination,
                            "",
                            options.toBuilder().resume(true).build(),
                            checkpoints)
                    .run();
            assertThat(real.totalFiles()).isEqualTo(40);
            assertThat(real.copiedFiles()).isEqualTo(40);
        }
    }

    /** Runs a job that a store-wide failure stops after {@code puts} objects were written. */
    private void stopAfterPuts(int puts, MigrationOptions options, CheckpointStore checkpoints) {
        AtomicInteger written = new AtomicInteger();
        Backend stopping = new ForwardingBackend(destination) {
            @Override
            public ObjectInfo put(String key, InputStream data, long length, PutOptions o) {
                if (written.incrementAndGet() > puts) {
                    throw new StoragePermissionException(name(), key, "bucket gone (injected)", null, true);
                }
                return super.put(key, data, length, o);
            }
        };
        assertThatThrownBy(() -> new Migrator(source, stopping, "", options, checkpoints).run())
                .isInstanceOf(MigrationException.class);
    }

    @Test
    void resumeMeetsObjectsAddedBelowTheWatermarkSoACompletedResumeHasEveryObject() {
        seed(40);
        try (SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(dir.resolve("state.db"))) {
            MigrationOptions options =
                    OPTIONS.toBuilder().concurrency(1).jobId("late").build();
            stopAfterPuts(25, options, checkpoints);
            assertThat(checkpoints.load("late").orElseThrow().watermark()).isGreaterThanOrEqualTo("k/00024");
            write(source, "k/00005a", "added below the watermark");
            write(source, "k/00007", "changed below the watermark");

            MigrationSummary resumed = new Migrator(
                            source,
                            destination,
                            "",
                            options.toBuilder().resume(true).build(),
                            checkpoints)
                    .run();
            assertThat(destination.stat("k/00005a")).isPresent();
            assertThat(destination.stat("k/00007").orElseThrow().etag())
                    .isEqualTo(source.stat("k/00007").orElseThrow().etag());
            assertThat(resumed.totalFiles()).isEqualTo(41);
            assertThat(resumed.migratedFiles()).isEqualTo(41);
            assertThat(checkpoints.load("late").orElseThrow().complete()).isTrue();
        }
    }

    @Test
    void aCheckpointStoreThatFailsIsRetriedAndNeverFailsTheRun() {
        seed(30);
        AtomicInteger attempts = new AtomicInteger();
        List<Checkpoint> saved = new CopyOnWriteArrayList<>();
        CheckpointStore flaky = new CheckpointStore() {
            @Override
            public Optional<Checkpoint> load(String jobId) {
                return Optional.empty();
            }

            @Override
            public void save(Checkpoint checkpoint) {
                int n = attempts.incrementAndGet();
                if (n == 1) {
                    throw new IllegalStateException("database is locked (injected)");
                }
                if (n == 2) {
                    throw new OutOfMemoryError("injected inside the JSON writer");
                }
                saved.add(checkpoint);
            }

            @Override
            public boolean delete(String jobId) {
                return false;
            }
        };
        Backend slow = new ForwardingBackend(destination) {
            @Override
            public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
                sleep(10);
                return super.put(key, data, length, options);
            }
        };
        MigrationSummary summary = new Migrator(
                        source,
                        slow,
                        "",
                        OPTIONS.toBuilder()
                                .concurrency(1)
                                .checkpointInterval(Duration.ofMillis(20))
                                .build(),
                        flaky)
                .run();
        assertThat(summary.migratedFiles()).isEqualTo(30);
        assertThat(attempts.get()).as("saves went on after two failures").isGreaterThan(3);
        assertThat(saved.get(saved.size() - 1).complete()).isTrue();
    }

    @Test
    void failuresPastTheCapSpillToAFileAndKeepCheckpointsSmall() throws IOException {
        seed(30);
        Backend denying = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                throw new StoragePermissionException(name(), key, "denied: " + key);
            }
        };
        try (SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(dir.resolve("state.db"))) {
            MigrationSummary summary = new Migrator(
                            denying,
                            destination,
                            "",
                            OPTIONS.toBuilder().jobId("many").build(),
                            checkpoints,
                            limits(1000, 5))
                    .run();
            assertThat(summary.failedMigrations()).isEqualTo(30);
            assertThat(summary.failures()).hasSize(5);
            assertThat(summary.failuresFile()).isNotNull();
            assertThat(java.nio.file.Files.readAllLines(Path.of(summary.failuresFile())))
                    .hasSize(30);
            assertThat(summary.toJson()).contains("\"failures_file\"");
            Checkpoint saved = checkpoints.load("many").orElseThrow();
            assertThat(saved.failures()).hasSize(5);
            assertThat(saved.failuresSpilled()).isEqualTo(25);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unchecked-io", "directory-iterator", "invalid-path", "illegal-state", "error"})
    void listingErrorsOfEveryKindStopTheRunWithASummaryAndTheSaverStops(String kind) throws Exception {
        seed(20);
        Backend broken = new ForwardingBackend(source) {
            @Override
            public Stream<ObjectInfo> list(String prefix, String startAfter) {
                return Stream.concat(
                        super.list(prefix, startAfter).limit(5), Stream.generate(() -> listingFails(kind)));
            }
        };
        AtomicInteger saves = new AtomicInteger();
        try (SqliteCheckpointStore real = SqliteCheckpointStore.open(dir.resolve("state.db"))) {
            CheckpointStore counting = new CheckpointStore() {
                @Override
                public Optional<Checkpoint> load(String jobId) {
                    return real.load(jobId);
                }

                @Override
                public void save(Checkpoint checkpoint) {
                    saves.incrementAndGet();
                    real.save(checkpoint);
                }

                @Override
                public boolean delete(String jobId) {
                    return real.delete(jobId);
                }
            };
            MigrationOptions options = OPTIONS.toBuilder()
                    .jobId("broken")
                    .checkpointInterval(Duration.ofMillis(10))
                    .build();
            assertThatThrownBy(() -> new Migrator(broken, destination, "", options, counting).run())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("listing objectstore")
                    .satisfies(e -> assertThat(
                                    ((MigrationException) e).partialSummary().migratedFiles())
                            .isEqualTo(5));
            assertThat(real.load("broken").orElseThrow().watermark()).isEqualTo("k/00004");
            int after = saves.get();
            Thread.sleep(100);
            assertThat(saves.get()).as("no save after run() ended").isEqualTo(after);
        }
    }

    @Test
    void cancelStopsTheListerEvenWhileItOnlySkips() throws Exception {
        seed(3000);
        new Migrator(source, destination, "", OPTIONS).run();
        AtomicReference<MigrationHandle> handle = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger skipped = new AtomicInteger();
        ProgressListener cancelling = new ProgressListener() {
            @Override
            public void onSkipped(ObjectInfo object) {
                if (skipped.incrementAndGet() == 10) {
                    await(started);
                    handle.get().cancel();
                }
            }
        };
        handle.set(new Migrator(
                        source,
                        destination,
                        "",
                        OPTIONS.toBuilder().listener(cancelling).build())
                .start());
        started.countDown();
        assertThatThrownBy(() -> handle.get().completion().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("cancelled");
        assertThat(skipped.get()).isLessThan(3000);
    }

    @Test
    void cancelInterruptsTransfersSavesACheckpointAndAResumeFinishesTheJob() throws Exception {
        seed(40);
        CountDownLatch inPut = new CountDownLatch(2);
        Backend hanging = new ForwardingBackend(destination) {
            @Override
            public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
                if (key.compareTo("k/00010") >= 0) {
                    inPut.countDown();
                    sleep(60_000);
                }
                return super.put(key, data, length, options);
            }
        };
        try (SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(dir.resolve("state.db"))) {
            MigrationOptions options = OPTIONS.toBuilder()
                    .concurrency(2)
                    .jobId("cancelled")
                    .checkpointInterval(Duration.ofMinutes(10))
                    .build();
            MigrationHandle handle = new Migrator(source, hanging, "", options, checkpoints).start();
            assertThat(inPut.await(30, TimeUnit.SECONDS)).isTrue();
            handle.cancel();
            assertThatThrownBy(() -> handle.completion().get(30, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(MigrationException.class)
                    .satisfies(e -> {
                        MigrationSummary partial = ((MigrationException) e).partialSummary();
                        assertThat(partial.migratedFiles()).isEqualTo(10);
                        assertThat(partial.failedMigrations())
                                .as("cancelled is not failed")
                                .isZero();
                    });
            Checkpoint saved = checkpoints.load("cancelled").orElseThrow();
            assertThat(saved.complete()).isFalse();
            assertThat(saved.watermark()).isEqualTo("k/00009");

            MigrationSummary resumed = new Migrator(
                            source,
                            destination,
                            "",
                            options.toBuilder().resume(true).build(),
                            checkpoints)
                    .run();
            assertThat(resumed.totalFiles()).isEqualTo(40);
            assertThat(resumed.migratedFiles()).isEqualTo(40);
        }
    }

    @Test
    void theListerWaitsBehindASlowObjectInsteadOfListingOn() throws Exception {
        seed(100);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger listed = new AtomicInteger();
        Backend slowFirst = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                if (key.equals("k/00000")) {
                    await(release);
                }
                return super.open(key);
            }
        };
        ProgressListener counting = new ProgressListener() {
            @Override
            public void onListed(ObjectInfo object) {
                listed.incrementAndGet();
            }
        };
        MigrationHandle handle = new Migrator(
                        slowFirst,
                        destination,
                        "",
                        OPTIONS.toBuilder().concurrency(4).listener(counting).build(),
                        null,
                        limits(5, 1000))
                .start();
        Thread.sleep(500);
        assertThat(listed.get())
                .as("the slow key, the five finished behind it and at most three more in flight")
                .isLessThanOrEqualTo(1 + 5 + 3);
        release.countDown();
        assertThat(handle.completion().get(30, TimeUnit.SECONDS).migratedFiles())
                .isEqualTo(100);
    }

    @Test
    void aRetryWaitsAtLeastWhatTheStoreAskedFor() {
        write(source, "throttled", "x");
        AtomicInteger opens = new AtomicInteger();
        Backend throttling = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                if (opens.incrementAndGet() <= 2) {
                    throw new TransientStorageException(
                            name(), key, "503 SlowDown (injected)", null, true, Duration.ofSeconds(7));
                }
                return super.open(key);
            }
        };
        List<Duration> waits = new CopyOnWriteArrayList<>();
        MigrationSummary summary = new Migrator(
                        throttling, destination, "", OPTIONS, null, new EngineLimits(1000, 1000, 1000, dir, waits::add))
                .run();
        assertThat(summary.migratedFiles()).isEqualTo(1);
        // besides the pacer's short spacing of the attempts after a throttle (at most 1 s), the two retries' waits
        assertThat(waits.stream().filter(w -> w.compareTo(Duration.ofSeconds(1)) > 0))
                .hasSize(2)
                .allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void aTransferWaitingOutRetryAfterLetsAnotherObjectUseItsSlot() throws Exception {
        write(source, "a-throttled", "x");
        write(source, "b-next", "y");
        AtomicInteger opens = new AtomicInteger();
        Backend throttling = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                if (key.equals("a-throttled") && opens.incrementAndGet() == 1) {
                    throw new TransientStorageException(
                            name(), key, "503 SlowDown (injected)", null, true, Duration.ofSeconds(1));
                }
                return super.open(key);
            }
        };
        CountDownLatch nextCopied = new CountDownLatch(1);
        Backend watched = new ForwardingBackend(destination) {
            @Override
            public ObjectInfo put(String key, java.io.InputStream content, long size, PutOptions options) {
                ObjectInfo written = super.put(key, content, size, options);
                if (key.equals("b-next")) {
                    nextCopied.countDown();
                }
                return written;
            }
        };
        // The wait ends only once the other object is copied: with one slot held by the waiter, it never would be.
        Retrier.Sleeper waitForTheOther = wait -> assertThat(nextCopied.await(30, TimeUnit.SECONDS))
                .as("b-next was copied while a-throttled waited")
                .isTrue();
        MigrationSummary summary = new Migrator(
                        throttling,
                        watched,
                        "",
                        OPTIONS.toBuilder().concurrency(1).build(),
                        null,
                        new EngineLimits(1000, 1000, 1000, dir, waitForTheOther))
                .run();
        assertThat(summary.migratedFiles()).isEqualTo(2);
    }

    @Test
    void anObjectListedAsEmptyThatHoldsBytesNeverReplacesAGoodCopy() throws Exception {
        Path root = dir.resolve("dst");
        com.atlan.storage.store.local.LocalBackend local =
                new com.atlan.storage.store.local.LocalBackend("upstream-objectstore", root);
        write(source, "grown", "eighteen bytes....");
        write(local, "grown", "eighteen bytes....");
        Backend listedEmpty = new ForwardingBackend(source) {
            @Override
            public Stream<ObjectInfo> list(String prefix, String startAfter) {
                return super.list(prefix, startAfter).map(o -> ObjectInfo.of(o.key(), 0, o.lastModified()));
            }

            @Override
            public Optional<ObjectInfo> stat(String key) {
                return super.stat(key).map(o -> ObjectInfo.of(o.key(), 0, o.lastModified()));
            }
        };
        MigrationSummary summary = new Migrator(
                        listedEmpty,
                        local,
                        "",
                        OPTIONS.toBuilder().skipUnchanged(false).build())
                .run();
        assertThat(summary.failedMigrations()).isEqualTo(1);
        assertThat(java.nio.file.Files.readString(root.resolve("grown"))).isEqualTo("eighteen bytes....");
    }

    private static ObjectInfo listingFails(String kind) {
        switch (kind) {
            case "unchecked-io" -> throw new UncheckedIOException(new IOException("disk gone (injected)"));
            case "directory-iterator" -> throw new DirectoryIteratorException(new IOException("readdir (injected)"));
            case "invalid-path" -> throw new InvalidPathException("caf\uFFFD", "unmappable (injected)");
            case "illegal-state" -> throw new IllegalStateException("injected");
            default -> throw new AssertionError("injected");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientStorageException("test", null, "interrupted (injected sleep)", e);
        }
    }
}
