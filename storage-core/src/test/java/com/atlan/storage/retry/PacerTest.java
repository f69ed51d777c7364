package com.atlan.storage.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long MS = 1_000_000L;

    /** A clock that moves only when the pacer sleeps, or when the test says. */
    private long now;

    private final List<Duration> waits = new ArrayList<>();

    private final Pacer pacer = new Pacer(() -> now, wait -> {
        waits.add(wait);
        now += wait.toNanos();
    });

    /** {@code attempts} attempts {@code spacingMs} apart, the first {@code throttled} of them throttled. */
    private void period(int attempts, int throttled, long spacingMs) throws InterruptedException {
        for (int i = 0; i < attempts; i++) {
            pacer.awaitTurn();
            now += spacingMs * MS;
            if (i < throttled) {
                pacer.throttled();
            } else {
                pacer.succeeded();
            }
        }
    }

    @Test
    void noThrottlingNoWaiting() throws Exception {
        period(1000, 0, 1);
        assertThat(waits).isEmpty();
        assertThat(pacer.interval()).isZero();
    }

    @Test
    void aPeriodWithManyThrottledAttemptsCutsTheRateToSevenTenthsOfWhatTheyStartedAt() throws Exception {
        period(10, 5, 10);
        assertThat(pacer.interval().toNanos())
                .as("10 ms apart, 100 attempts a second, become 70 a second")
                .isBetween((long) (10 * MS / 0.7) - 1000, (long) (10 * MS / 0.7) + 1000);

        long first = now;
        pacer.awaitTurn();
        pacer.awaitTurn();
        assertThat(now - first)
                .as("two attempts asking at once start that far apart")
                .isGreaterThan(14 * MS);
    }

    @Test
    void aFewThrottledAttemptsInAPeriodCutNothing() throws Exception {
        period(20, 4, 5);
        assertThat(pacer.interval()).isZero();
    }

    @Test
    void quietPeriodsRaiseTheRateByATenthUntilTheSpacingIsLifted() throws Exception {
        period(10, 5, 10);
        Duration cut = pacer.interval();
        period(20, 0, 10);
        assertThat(pacer.interval()).isLessThan(cut);
        for (int i = 0; i < 100; i++) {
            period(20, 0, 10);
        }
        assertThat(pacer.interval()).isZero();
    }

    @Test
    void theSpacingNeverExceedsASecond() throws Exception {
        for (int i = 0; i < 50; i++) {
            period(10, 10, 20);
        }
        assertThat(pacer.interval()).isEqualTo(Pacer.MAX_INTERVAL);
    }

    @Test
    void aRateLimitedStoreIsUsedNearlyToItsQuotaWithFewThrottledAttempts() throws Exception {
        // a token bucket of 100 requests/s (burst 20), each attempt asking for one; attempts are ready at all times
        double tokens = 20;
        long last = now;
        int admitted = 0;
        int throttled = 0;
        while (now < 20_000 * MS) {
            pacer.awaitTurn();
            tokens = Math.min(20, tokens + (now - last) / 1e9 * 100);
            last = now;
            now += MS; // the request itself
            if (tokens >= 1) {
                tokens--;
                admitted++;
                pacer.succeeded();
            } else {
                throttled++;
                pacer.throttled();
            }
        }
        assertThat(admitted / 20.0).as("admitted per second (quota 100)").isGreaterThan(85);
        assertThat((double) throttled / (admitted + throttled))
                .as("share of attempts throttled")
                .isLessThan(0.35);
    }

    @Test
    void aStoreThrottlingOneAttemptInTenAtRandomIsHardlyPaced() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            pacer.awaitTurn();
            now += 5 * MS;
            if (random.nextDouble() < 0.1) {
                pacer.throttled();
            } else {
                pacer.succeeded();
            }
        }
        long paced = waits.stream().mapToLong(Duration::toNanos).sum();
        assertThat(Duration.ofNanos(paced))
                .as("waiting for turns over 10,000 attempts of 5 ms (50 s); a rare unlucky period cuts a little")
                .isLessThan(Duration.ofSeconds(1));
    }
}
