package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.store.ObjectInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletionLedgerTest {

    private static ObjectInfo obj(String key) {
        return ObjectInfo.of(key, 10, null);
    }

    private static Checkpoint cut(CompletionLedger ledger) {
        return ledger.checkpoint("job", "s", "d", "", 0, false);
    }

    @Test
    void watermarkStopsBeforeTheSmallestKeyInFlight() {
        CompletionLedger ledger = CompletionLedger.fresh();
        for (String k : new String[] {"a", "b", "c", "d"}) {
            ledger.listed(k);
        }
        ledger.finished(obj("a"), CompletionLedger.Outcome.MIGRATED, null);
        ledger.finished(obj("c"), CompletionLedger.Outcome.SKIPPED, null);
        ledger.finished(obj("d"), CompletionLedger.Outcome.FAILED, "boom");

        Checkpoint checkpoint = cut(ledger);
        assertThat(checkpoint.watermark()).isEqualTo("a");
        assertThat(checkpoint.doneAboveWatermark()).containsExactly("c", "d");
        assertThat(checkpoint.failures()).isEqualTo(Map.of("d", "boom"));
        assertThat(checkpoint.totalFiles()).isEqualTo(3);

        ledger.finished(obj("b"), CompletionLedger.Outcome.MIGRATED, null);
        checkpoint = cut(ledger);
        assertThat(checkpoint.watermark()).isEqualTo("d");
        assertThat(checkpoint.doneAboveWatermark()).isEmpty();
        assertThat(checkpoint.migratedFiles()).isEqualTo(2);
        assertThat(checkpoint.bytesMigrated()).isEqualTo(20);
    }

    @Test
    void resumingSkipsKeysDoneAboveTheWatermarkWithoutCountingThemAgain() {
        CompletionLedger first = CompletionLedger.fresh();
        for (String k : new String[] {"a", "b", "c"}) {
            first.listed(k);
        }
        first.finished(obj("a"), CompletionLedger.Outcome.MIGRATED, null);
        first.finished(obj("c"), CompletionLedger.Outcome.MIGRATED, null);

        CompletionLedger resumed = CompletionLedger.resuming(cut(first));
        assertThat(resumed.watermark()).isEqualTo("a");
        assertThat(resumed.listed("b")).isTrue();
        assertThat(resumed.listed("c")).isFalse();
        resumed.finished(obj("b"), CompletionLedger.Outcome.MIGRATED, null);
        Checkpoint end = cut(resumed);
        assertThat(end.watermark()).isEqualTo("c");
        assertThat(end.migratedFiles()).isEqualTo(3);
    }

    @Test
    void aRetriedFailureStaysRecordedUntilItsRetryFinishes() {
        CompletionLedger first = CompletionLedger.fresh();
        first.listed("a");
        first.finished(obj("a"), CompletionLedger.Outcome.FAILED, "denied");
        CompletionLedger resumed = CompletionLedger.resuming(cut(first));
        assertThat(resumed.failedKeys()).containsExactly("a");
        assertThat(cut(resumed).failures()).containsKey("a");
        resumed.retried("a", obj("a"), CompletionLedger.Outcome.MIGRATED, null);
        assertThat(cut(resumed).failures()).isEmpty();
        assertThat(resumed.total()).isEqualTo(1);
    }
}
