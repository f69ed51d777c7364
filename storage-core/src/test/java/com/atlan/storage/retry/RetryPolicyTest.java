package com.atlan.storage.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.store.TransientStorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void backoffCapsDoubleUpToTheMaximumWithFullJitter() {
        for (int i = 0; i < 200; i++) {
            assertThat(POLICY.backoffAfter(1).toMillis()).isBetween(0L, 100L);
            assertThat(POLICY.backoffAfter(3).toMillis()).isBetween(0L, 400L);
            assertThat(POLICY.backoffAfter(30).toMillis()).isBetween(0L, 1000L);
        }
    }

    @Test
    void throttlingWaitsLongerAndRetryAfterIsAFloorUpToFiveMinutes() {
        TransientStorageException slowDown = new TransientStorageException("s3", "k", "503 SlowDown", null, true, null);
        long longest = 0;
        for (int i = 0; i < 500; i++) {
            long wait = POLICY.backoffAfter(1, slowDown).toMillis();
            assertThat(wait).isBetween(0L, 400L);
            longest = Math.max(longest, wait);
        }
        assertThat(longest).as("caps four times longer than 100 ms").isGreaterThan(100);
        TransientStorageException asked =
                new TransientStorageException("s3", "k", "429", null, true, Duration.ofSeconds(30));
        assertThat(POLICY.backoffAfter(1, asked)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        TransientStorageException tooLong =
                new TransientStorageException("s3", "k", "429", null, true, Duration.ofHours(2));
        assertThat(POLICY.backoffAfter(1, tooLong)).isEqualTo(RetryPolicy.MAX_RETRY_AFTER);
    }

    @Test
    void theRetrierRetriesOnlyRetryableFailuresAndStopsAtMaxAttempts() throws Exception {
        List<Duration> waits = new ArrayList<>();
        Retrier retrier = new Retrier(POLICY, waits::add);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call("test", () -> {
                    calls.incrementAndGet();
                    throw new TransientStorageException("s", "k", "reset");
                }))
                .isInstanceOf(TransientStorageException.class);
        assertThat(calls).hasValue(5);
        assertThat(waits).hasSize(4);

        calls.set(0);
        assertThatThrownBy(() -> retrier.call("test", () -> {
                    calls.incrementAndGet();
                    throw new StoragePermissionException("s", "k", "denied");
                }))
                .isInstanceOf(StoragePermissionException.class);
        assertThat(calls).hasValue(1);
        assertThat(retrier.call("test", () -> "ok")).isEqualTo("ok");
    }
}
