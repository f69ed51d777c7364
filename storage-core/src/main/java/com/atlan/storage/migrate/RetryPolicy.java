package com.atlan.storage.migrate;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently to retry a transient failure: exponential backoff with full jitter.
 *
 * @param maxAttempts    attempts in all, including the first (>= 1)
 * @param initialBackoff the backoff cap before the second attempt
 * @param maxBackoff     the largest backoff cap
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Five attempts, 200 ms doubling to at most 10 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, not " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoffs must not be negative");
        }
    }

    /** A random wait before attempt {@code attempt + 1} (attempts count from 1): uniform in [0, cap]. */
    public Duration backoffAfter(int attempt) {
        long cap = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        cap = Math.min(Math.max(cap, 0), maxBackoff.toMillis());
        return Duration.ofMillis(cap == 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
    }
}
