package com.atlan.storage.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.TransientStorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private static final RetryPolicy FIVE = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1));

    private final List<StorageException> seen = new ArrayList<>();
    private final Retrier retrier = new Retrier(FIVE, wait -> {}, new Retrier.Observer() {
        @Override
        public void onRetry(int attempt, StorageException failure, Duration wait) {}

        @Override
        public void onFailedAttempt(StorageException failure) {
            seen.add(failure);
        }
    });

    @Test
    void aThrottlingStoreSlowsAnObjectDownButDoesNotFailIt() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        String result = retrier.call("copying 'k'", () -> {
            if (calls.incrementAndGet() <= 12) {
                throw slowDown();
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(13);
        assertThat(seen).hasSize(12).allMatch(Retrier::isThrottled);
    }

    @Test
    void throttledAttemptsSlowThePacerAndItsTurnsSpaceTheNextAttempts() throws InterruptedException {
        long[] now = {0};
        List<Duration> paced = new ArrayList<>();
        Pacer pacer = new Pacer(() -> now[0], wait -> {
            paced.add(wait);
            now[0] += wait.toNanos();
        });
        Retrier pacedRetrier = new Retrier(FIVE, wait -> now[0] += 10_000_000L, (attempt, failure, wait) -> {}, pacer);
        AtomicInteger calls = new AtomicInteger();
        pacedRetrier.call("copying 'k'", () -> {
            if (calls.incrementAndGet() <= 12) {
                throw slowDown();
            }
            return "done";
        });
        assertThat(pacer.interval())
                .as("a period of throttled attempts slowed the pacer")
                .isPositive();
        pacedRetrier.call("copying 'j'", () -> "done");
        pacedRetrier.call("copying 'i'", () -> "done");
        assertThat(paced).as("the attempts after it waited their turns").isNotEmpty();
    }

    @Test
    void aStoreThatKeepsThrottlingFailsTheObjectAfterFourTimesTheAttempts() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call("copying 'k'", () -> {
                    calls.incrementAndGet();
                    throw slowDown();
                }))
                .isInstanceOf(TransientStorageException.class);
        assertThat(calls).hasValue(FIVE.maxThrottledAttempts()).hasValue(20);
    }

    @Test
    void otherTransientFailuresStillUseTheConfiguredAttemptsExactly() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call("copying 'k'", () -> {
                    calls.incrementAndGet();
                    throw new TransientStorageException("s3", "k", "HTTP 500");
                }))
                .isInstanceOf(TransientStorageException.class);
        assertThat(calls).hasValue(5);
        assertThat(seen).hasSize(5).noneMatch(Retrier::isThrottled);
    }

    private static TransientStorageException slowDown() {
        return new TransientStorageException("s3", "k", "HTTP 503 SlowDown", null, true, Duration.ofSeconds(1));
    }
}
