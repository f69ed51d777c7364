package com.atlan.storage.retry;

import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.TransientStorageException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently to retry a transient failure: exponential backoff with full jitter, four times longer
 * caps when the store is throttling, and at least the wait a store asked for ({@code Retry-After}, honoured up to
 * {@link #MAX_RETRY_AFTER}).
 *
 * @param maxAttempts    attempts in all, including the first (>= 1)
 * @param initialBackoff the backoff cap before the second attempt
 * @param maxBackoff     the largest backoff cap
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /**
     * Ten attempts, 200 ms doubling to at most 10 s: the SDK's object store client's ten retries. Five were too few
     * for a store failing a fifth of its requests: 2 of 10 fault runs (2,000 objects, 20% of requests faulted on each
     * side) each failed one object whose five attempts all met a fault.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(10));

    /** The longest {@code Retry-After} honoured; a store asking for more is retried after this. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    /** How much longer the backoff caps are while a store throttles, and how many more throttled attempts. */
    static final int THROTTLED_FACTOR = 4;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, not " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoffs must not be negative");
        }
    }

    /**
     * Attempts answered "slow down" (503 SlowDown, 429) allowed besides {@link #maxAttempts()} other failures: four
     * times as many, since throttling says "later", not "broken".
     */
    public int maxThrottledAttempts() {
        return maxAttempts * THROTTLED_FACTOR;
    }

    /** A random wait before attempt {@code attempt + 1} (attempts count from 1): uniform in [0, cap]. */
    public Duration backoffAfter(int attempt) {
        return backoffAfter(attempt, null);
    }

    /**
     * The wait before attempt {@code attempt + 1} after {@code failure} ({@code null}: none known): uniform in
     * [0, cap] where the cap doubles per attempt up to {@link #maxBackoff()} (four times as long when the store is
     * throttling, within four times {@link #maxBackoff()}), and never less than the store's {@code Retry-After}.
     */
    public Duration backoffAfter(int attempt, StorageException failure) {
        long cap = initialBackoff.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        cap = Math.min(Math.max(cap, 0), maxBackoff.toMillis());
        TransientStorageException transientFailure = failure instanceof TransientStorageException t ? t : null;
        if (transientFailure != null && transientFailure.isThrottled()) {
            cap = Math.min(cap * THROTTLED_FACTOR, maxBackoff.toMillis() * THROTTLED_FACTOR);
        }
        long wait = cap == 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
        if (transientFailure != null && transientFailure.retryAfter().isPresent()) {
            long asked = Math.min(transientFailure.retryAfter().get().toMillis(), MAX_RETRY_AFTER.toMillis());
            wait = Math.max(wait, asked);
        }
        return Duration.ofMillis(wait);
    }
}
