package com.atlan.storage.retry;

import com.atlan.storage.store.StorageException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an attempt until it succeeds, fails in a way not worth retrying, or has used {@link RetryPolicy#maxAttempts()}:
 * the engine's one retry loop. Waits between attempts as the policy says and are interruptible.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    /** Waits; tests substitute one that records the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits {@code duration}. */
        void sleep(Duration duration) throws InterruptedException;
    }

    /** One attempt at an operation. */
    @FunctionalInterface
    public interface Attempt<T> {
        /** Tries once; throws a {@link StorageException} saying whether trying again may help. */
        T run() throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    /** Retries by {@code policy}, waiting with {@code sleeper}. */
    public Retrier(RetryPolicy policy, Sleeper sleeper) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Retries by {@code policy}, sleeping the thread between attempts. */
    public static Retrier of(RetryPolicy policy) {
        return new Retrier(policy, Thread::sleep);
    }

    /** The policy. */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Runs {@code attempt} until it returns, retrying retryable {@link StorageException}s.
     *
     * @param what names the operation in log lines, e.g. {@code "copying 'a/b'"}
     * @throws StorageException     the last failure, when it is not retryable or the attempts are used up
     * @throws InterruptedException when interrupted while waiting
     */
    public <T> T call(String what, Attempt<T> attempt) throws InterruptedException {
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (StorageException e) {
                if (!mayRetry(n, e)) {
                    throw e;
                }
                pause(what, n, e);
            }
        }
    }

    /** Whether attempt number {@code attempt}, which failed with {@code failure}, may be followed by another. */
    public boolean mayRetry(int attempt, StorageException failure) {
        return failure.isRetryable() && attempt < policy.maxAttempts();
    }

    /** Waits as the policy says after attempt number {@code attempt} failed with {@code failure}. */
    public void pause(String what, int attempt, StorageException failure) throws InterruptedException {
        Duration wait = policy.backoffAfter(attempt, failure);
        LOG.debug(
                "{}: attempt {} of {} failed, retrying in {} ms: {}",
                what,
                attempt,
                policy.maxAttempts(),
                wait.toMillis(),
                failure.getMessage());
        sleeper.sleep(wait);
    }
}
