package com.atlan.storage.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.store.ObjectInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLedgerTest {

    @TempDir
    Path dir;

    private static ObjectInfo obj(String key) {
        return ObjectInfo.of(key, 10, null);
    }

    private RunLedger ledger(Checkpoint from) {
        return new RunLedger(ProgressListener.NONE, from, new FailureLog(100, () -> dir.resolve("f.jsonl")), 1000);
    }

    private static Checkpoint cut(RunLedger ledger) {
        return ledger.checkpoint("job", "s", "d", "", "CODE_POINT", false);
    }

    @Test
    void watermarkStopsBeforeTheSmallestKeyInFlight() {
        RunLedger ledger = ledger(null);
        RunLedger.Ticket a = ledger.admit(obj("a"));
        RunLedger.Ticket b = ledger.admit(obj("b"));
        RunLedger.Ticket c = ledger.admit(obj("c"));
        RunLedger.Ticket d = ledger.admit(obj("d"));
        ledger.finish(a, ObjectOutcome.COPIED, null);
        ledger.finish(c, ObjectOutcome.IDENTICAL, null);
        ledger.finish(d, ObjectOutcome.FAILED, "boom");

        Checkpoint checkpoint = cut(ledger);
        assertThat(checkpoint.watermark()).isEqualTo("a");
        assertThat(checkpoint.doneAboveWatermark()).containsExactly("c", "d");
        assertThat(checkpoint.failures()).isEqualTo(Map.of("d", "boom"));
        assertThat(checkpoint.totalFiles()).isEqualTo(3);

        ledger.finish(b, ObjectOutcome.COPIED, null);
        checkpoint = cut(ledger);
        assertThat(checkpoint.watermark()).isEqualTo("d");
        assertThat(checkpoint.doneAboveWatermark()).isEmpty();
        assertThat(checkpoint.migratedFiles()).isEqualTo(2);
        assertThat(checkpoint.bytesMigrated()).isEqualTo(20);
    }

    @Test
    void theWatermarkFollowsListingOrderNotKeyOrder() {
        RunLedger ledger = ledger(null);
        // a store listing in its own order: "z" came first, so it is the watermark once it and "a" are done
        RunLedger.Ticket z = ledger.admit(obj("z"));
        RunLedger.Ticket a = ledger.admit(obj("a"));
        RunLedger.Ticket m = ledger.admit(obj("m"));
        ledger.finish(a, ObjectOutcome.COPIED, null);
        assertThat(cut(ledger).watermark()).isNull();
        ledger.finish(z, ObjectOutcome.COPIED, null);
        assertThat(cut(ledger).watermark()).isEqualTo("a");
        ledger.finish(m, ObjectOutcome.COPIED, null);
        assertThat(cut(ledger).watermark()).isEqualTo("m");
    }

    @Test
    void resumingPassesOverKeysDoneAboveTheWatermarkWithoutCountingThemAgain() {
        RunLedger first = ledger(null);
        RunLedger.Ticket a = first.admit(obj("a"));
        first.admit(obj("b"));
        RunLedger.Ticket c = first.admit(obj("c"));
        first.finish(a, ObjectOutcome.COPIED, null);
        first.finish(c, ObjectOutcome.COPIED, null);

        RunLedger resumed = ledger(cut(first));
        RunLedger.Ticket b = resumed.admit(obj("b"));
        assertThat(b).isNotNull();
        assertThat(resumed.admit(obj("c"))).isNull();
        resumed.finish(b, ObjectOutcome.COPIED, null);
        Checkpoint end = cut(resumed);
        assertThat(end.watermark()).isEqualTo("c");
        assertThat(end.migratedFiles()).isEqualTo(3);
        assertThat(resumed.progress().listedFiles())
                .as("this run listed only b")
                .isEqualTo(1);
    }

    @Test
    void revisitsCountOnlyWhatTheJobHadNotCounted() {
        RunLedger first = ledger(null);
        for (String k : List.of("same", "changed", "failed")) {
            first.finish(
                    first.admit(obj(k)), k.equals("failed") ? ObjectOutcome.FAILED : ObjectOutcome.COPIED, "denied");
        }
        RunLedger resumed = ledger(cut(first));
        assertThat(resumed.totals().total()).isEqualTo(3);

        resumed.finish(resumed.revisit(obj("same"), true), ObjectOutcome.IDENTICAL, null);
        resumed.finish(resumed.revisit(obj("changed"), true), ObjectOutcome.COPIED, null);
        resumed.finish(resumed.revisit(obj("failed"), true), ObjectOutcome.COPIED, null);
        resumed.finish(resumed.revisit(obj("added"), false), ObjectOutcome.COPIED, null);

        JobTotals totals = resumed.totals();
        assertThat(totals.total()).isEqualTo(4);
        assertThat(totals.copied()).isEqualTo(4);
        assertThat(totals.failed()).isZero();
        assertThat(resumed.recopied()).isEqualTo(1);
        assertThat(totals.bytes()).isEqualTo(20 + 30);
    }

    @Test
    void failuresTheCatchUpDidNotMeetAreDroppedFromTheJob() {
        RunLedger first = ledger(null);
        first.finish(first.admit(obj("gone")), ObjectOutcome.FAILED, "denied");
        RunLedger resumed = ledger(cut(first));
        assertThat(resumed.totals().failed()).isEqualTo(1);
        resumed.dropUnmetFailures();
        assertThat(resumed.totals().failed()).isZero();
        assertThat(resumed.totals().total()).isZero();
    }

    @Test
    void failuresPastTheCapSpillToAFileAndKeepTheCheckpointBounded() throws Exception {
        Path file = dir.resolve("failures.jsonl");
        RunLedger ledger = new RunLedger(ProgressListener.NONE, null, new FailureLog(3, () -> file), 1000);
        for (int i = 0; i < 10; i++) {
            ledger.finish(ledger.admit(obj("k" + i)), ObjectOutcome.FAILED, "error " + i);
        }
        JobTotals totals = ledger.totals();
        assertThat(totals.failed()).isEqualTo(10);
        assertThat(totals.failures()).hasSize(3);
        assertThat(totals.failuresFile()).isEqualTo(file);
        assertThat(Files.readAllLines(file)).hasSize(10).first().asString().contains("\"file\":\"k0\"");
        Checkpoint checkpoint = cut(ledger);
        assertThat(checkpoint.failures()).hasSize(3);
        assertThat(checkpoint.failuresSpilled()).isEqualTo(7);
        assertThat(checkpoint.totalFiles()).isEqualTo(10);
    }

    @Test
    void aThrowingListenerNeverLosesACount() {
        AtomicInteger calls = new AtomicInteger();
        ProgressListener broken = new ProgressListener() {
            @Override
            public void onMigrated(ObjectInfo object) {
                calls.incrementAndGet();
                throw new NoSuchMethodError("injected");
            }
        };
        RunLedger ledger = new RunLedger(broken, null, new FailureLog(10, () -> dir.resolve("f")), 1000);
        ledger.finish(ledger.admit(obj("a")), ObjectOutcome.COPIED, null);
        ledger.finish(ledger.admit(obj("b")), ObjectOutcome.COPIED, null);
        assertThat(calls).hasValue(2);
        assertThat(ledger.totals().copied()).isEqualTo(2);
        assertThat(cut(ledger).watermark()).isEqualTo("b");
    }

    @Test
    void theListerWaitsWhileTooManyKeysFinishedBehindASlowOne() throws Exception {
        RunLedger ledger = new RunLedger(ProgressListener.NONE, null, new FailureLog(10, () -> dir.resolve("f")), 2);
        RunLedger.Ticket slow = ledger.admit(obj("a"));
        ledger.finish(ledger.admit(obj("b")), ObjectOutcome.COPIED, null);
        ledger.awaitWindowBelow(() -> false); // one finished above: no wait
        ledger.finish(ledger.admit(obj("c")), ObjectOutcome.COPIED, null);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                ledger.awaitWindowBelow(() -> false);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(waiting)
                .as("two finished above the slow key: the lister waits")
                .isNotDone();
        ledger.finish(slow, ObjectOutcome.COPIED, null);
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(cut(ledger).watermark()).isEqualTo("c");
    }

    @Test
    void aCancelledTransferKeepsTheWatermarkBeforeIt() {
        RunLedger ledger = ledger(null);
        RunLedger.Ticket a = ledger.admit(obj("a"));
        RunLedger.Ticket b = ledger.admit(obj("b"));
        ledger.finish(b, ObjectOutcome.COPIED, null);
        ledger.abandon(a);
        Checkpoint checkpoint = cut(ledger);
        assertThat(checkpoint.watermark()).isNull();
        assertThat(checkpoint.doneAboveWatermark()).containsExactly("b");
        assertThat(checkpoint.totalFiles()).isEqualTo(1);
    }

    @Test
    void everyBookingIsToldToTheListenerOnce() {
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProgressListener recording = new ProgressListener() {
            @Override
            public void onListed(ObjectInfo object) {
                events.add("listed " + object.key());
            }

            @Override
            public void onListingComplete(long files, long bytes) {
                events.add("complete " + files + " " + bytes);
            }

            @Override
            public void onBytes(long bytes) {
                events.add("bytes " + bytes);
            }

            @Override
            public void onMigrated(ObjectInfo object) {
                events.add("migrated " + object.key());
            }

            @Override
            public void onSkipped(ObjectInfo object) {
                events.add("skipped " + object.key());
            }

            @Override
            public void onFailed(FailureRecord failure) {
                events.add("failed " + failure.file() + ": " + failure.error());
            }
        };
        RunLedger ledger = new RunLedger(recording, null, new FailureLog(10, () -> dir.resolve("f")), 1000);
        ledger.finish(ledger.admit(obj("a")), ObjectOutcome.COPIED_SERVER_SIDE, null);
        ledger.finish(ledger.plan(obj("b")), ObjectOutcome.IDENTICAL, null);
        ledger.finish(ledger.revisit(obj("c"), false), ObjectOutcome.FAILED, "denied");
        ledger.finish(ledger.admit(obj("d")), ObjectOutcome.WOULD_COPY, null);
        ledger.addBytes(5);
        ledger.listingComplete();
        assertThat(events)
                .containsExactly(
                        "listed a",
                        "bytes 10",
                        "migrated a",
                        "listed b",
                        "skipped b",
                        "listed c",
                        "failed c: denied",
                        "listed d",
                        "bytes 5",
                        "complete 4 40");
        Progress p = ledger.progress();
        assertThat(p.listedFiles()).isEqualTo(4);
        assertThat(p.listedBytes()).isEqualTo(40);
        assertThat(p.transferredBytes()).isEqualTo(15);
        assertThat(p.listingComplete()).isTrue();
        assertThat(p.doneFiles()).isEqualTo(3);
        JobTotals totals = ledger.totals();
        assertThat(totals.total()).isEqualTo(4);
        assertThat(totals.wouldCopy()).isEqualTo(1);
        assertThat(totals.bytes()).isEqualTo(10);
    }

    @Test
    void aTicketIsBookedOutOnlyOnce() {
        RunLedger ledger = ledger(null);
        RunLedger.Ticket a = ledger.admit(obj("a"));
        ledger.finish(a, ObjectOutcome.COPIED, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.finish(a, ObjectOutcome.COPIED, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'a' was already finished");
        assertThat(ledger.totals().copied()).isEqualTo(1);
    }
}
