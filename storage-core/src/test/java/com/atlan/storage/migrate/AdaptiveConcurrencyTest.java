package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The controller against simulated stores on a simulated clock: each round, as many transfers as the limit allows
 * complete after the store's latency, which grows once more run than the store can serve at once (queueing).
 */
class AdaptiveConcurrencyTest {

    private static final long MS = 1_000_000L;

    /** A store serving {@code capacity} transfers at once in {@code latencyMs}; more wait in its queue. */
    private static final class SimulatedStore {
        final int capacity;
        final long latencyMs;
        long now;
        final List<Integer> limits = new ArrayList<>();
        final AdaptiveConcurrency controller;

        SimulatedStore(int capacity, long latencyMs) {
            this.capacity = capacity;
            this.latencyMs = latencyMs;
            this.controller = new AdaptiveConcurrency(() -> now, limits::add);
        }

        /** One round trip of {@code limit} transfers. */
        void round() {
            int inFlight = controller.limit();
            long latency = latencyMs * MS * Math.max(1, (inFlight + capacity - 1) / capacity);
            long started = now;
            now += latency;
            for (int i = 0; i < inFlight; i++) {
                controller.completed(started);
            }
        }

        /** {@code n} attempts answered "slow down". */
        void throttle(int n) {
            for (int i = 0; i < n; i++) {
                controller.throttled();
            }
        }

        void rounds(int n) {
            for (int i = 0; i < n; i++) {
                round();
            }
        }
    }

    @Test
    void startsModeratelyAndDoublesWhileAFarStoreServesEveryTransferInTheSameTime() {
        SimulatedStore far = new SimulatedStore(10_000, 40);
        assertThat(far.limits).containsExactly(AdaptiveConcurrency.INITIAL);
        far.rounds(12);
        assertThat(far.limits).startsWith(16, 32, 64, 128, 256);
        assertThat(far.controller.limit()).isEqualTo(AdaptiveConcurrency.MAX);
    }

    @Test
    void keepsRaisesThatPayOnlyALatencyLaterAsOnAFarStore() {
        // each round completes the transfers admitted a round before: a raise shows in throughput one latency late
        long[] now = {0};
        List<Integer> limits = new ArrayList<>();
        AdaptiveConcurrency controller = new AdaptiveConcurrency(() -> now[0], limits::add);
        int admittedBefore = controller.limit();
        for (int round = 0; round < 40; round++) {
            int admittedNow = controller.limit();
            long started = now[0] - 40 * MS;
            now[0] += 40 * MS;
            for (int i = 0; i < admittedBefore; i++) {
                controller.completed(started);
            }
            admittedBefore = admittedNow;
        }
        assertThat(controller.limit()).as("limits taken: %s", limits).isEqualTo(AdaptiveConcurrency.MAX);
    }

    @Test
    void keepsADoublingThatPaidInPartAndGoesOnByEighths() {
        // beyond 32 in flight each more transfer adds 0.4 of one (a busy CPU): 32 -> 64 gains 40%, not 50%
        long[] now = {0};
        AdaptiveConcurrency controller = new AdaptiveConcurrency(() -> now[0], n -> {});
        for (int round = 0; round < 60; round++) {
            int limit = controller.limit();
            double served = limit <= 32 ? limit : 32 + (limit - 32) * 0.4;
            long started = now[0];
            now[0] += (long) (40 * MS * limit / served);
            for (int i = 0; i < limit; i++) {
                controller.completed(started);
            }
        }
        assertThat(controller.limit()).isGreaterThanOrEqualTo(64);
    }

    @Test
    void takesBackARaiseThatDidNotRaiseThroughputAndHoldsNearWhatTheStoreServes() {
        SimulatedStore busy = new SimulatedStore(40, 10);
        busy.rounds(200);
        assertThat(busy.controller.peak()).isLessThan(AdaptiveConcurrency.MAX);
        assertThat(busy.controller.limit()).isBetween(32, 64);
    }

    @Test
    void halvesWhenManyAttemptsAreThrottledAtMostOncePerCooldownAndNeverBelowOne() {
        SimulatedStore store = new SimulatedStore(10_000, 40);
        store.rounds(3);
        int before = store.controller.limit();
        store.throttle(AdaptiveConcurrency.MIN_THROTTLES);
        assertThat(store.controller.limit()).isEqualTo(before / 2);
        store.now += 100 * MS;
        store.throttle(AdaptiveConcurrency.MIN_THROTTLES);
        assertThat(store.controller.limit())
                .as("the transfers started before the cut report throttling too")
                .isEqualTo(before / 2);
        for (int i = 0; i < 20; i++) {
            store.now += AdaptiveConcurrency.MIN_COOLDOWN_NANOS;
            store.throttle(AdaptiveConcurrency.MIN_THROTTLES);
        }
        assertThat(store.controller.limit()).isEqualTo(1);
    }

    @Test
    void aFewThrottledAnswersAmongManySuccessesCutNothing() {
        SimulatedStore store = new SimulatedStore(10_000, 40);
        store.rounds(2);
        int before = store.controller.limit();
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 5; j++) {
                store.controller.completed(store.now);
            }
            store.controller.throttled();
        }
        assertThat(store.controller.limit())
                .as("one attempt in six is no overload")
                .isGreaterThanOrEqualTo(before);
    }

    @Test
    void theShareOfThrottledAttemptsAPacedStoreSettlesAtCutsNothing() {
        SimulatedStore store = new SimulatedStore(10_000, 40);
        store.rounds(2);
        int before = store.controller.limit();
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 3; j++) {
                store.now += MS;
                store.controller.completed(store.now - 40 * MS);
            }
            store.controller.throttled();
        }
        assertThat(store.controller.limit())
                .as("one attempt in four throttled: the pacer's balance, not an overload")
                .isGreaterThanOrEqualTo(before);
    }

    @Test
    void afterThrottlingRisesAgainOnlyAdditively() {
        SimulatedStore store = new SimulatedStore(10_000, 40);
        store.rounds(3);
        store.throttle(AdaptiveConcurrency.MIN_THROTTLES);
        int cut = store.controller.limit();
        store.rounds(2);
        int next = store.controller.limit();
        assertThat(next)
                .as("two windows of an eighth each, not slow start's doubling")
                .isGreaterThan(cut)
                .isLessThanOrEqualTo(cut + cut / 4 + 2);
    }

    @Test
    void aWindowWithManyThrottledAttemptsRaisesNothing() {
        SimulatedStore store = new SimulatedStore(10_000, 40);
        store.throttle(AdaptiveConcurrency.MIN_THROTTLES);
        int cut = store.controller.limit();
        for (int i = 0; i < 3; i++) {
            store.now += 10 * MS;
            store.throttle(2);
            store.round();
        }
        assertThat(store.controller.limit()).isEqualTo(cut);
    }
}
