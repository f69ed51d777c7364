package com.atlan.storage.retry;

import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.TransientStorageException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an attempt until it succeeds, fails in a way not worth retrying, or has used {@link RetryPolicy#maxAttempts()}:
 * the engine's one retry loop. Waits between attempts as the policy says and are interruptible.
 *
 * <p>A throttled failure (503 SlowDown, 429) means "later", not "broken": it is retried up to {@link
 * RetryPolicy#maxThrottledAttempts()} times besides the attempts other failures may use, so a store that throttles
 * slows a run down rather than failing objects. Every retryable failure is reported to the observer given (the
 * adaptive concurrency controller lowers the transfers in flight when a store throttles), and with a {@link Pacer}
 * each attempt first waits its turn, while throttled and successful attempts tell the pacer how fast to go.
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

    /** Told of every failed attempt and every retry: counts retries for progress and metrics, throttling for the
     * adaptive concurrency. */
    public interface Observer {
        /** Attempt number {@code attempt} failed with {@code failure} and is made again after {@code wait}. */
        void onRetry(int attempt, StorageException failure, Duration wait);

        /** An attempt failed with a retryable {@code failure} (whether or not another follows). */
        default void onFailedAttempt(StorageException failure) {}
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Observer observer;
    private final Pacer pacer;

    /** Retries by {@code policy}, waiting with {@code sleeper}. */
    public Retrier(RetryPolicy policy, Sleeper sleeper) {
        this(policy, sleeper, (attempt, failure, wait) -> {});
    }

    /** Retries by {@code policy}, waiting with {@code sleeper} and telling {@code observer} of failures and retries. */
    public Retrier(RetryPolicy policy, Sleeper sleeper, Observer observer) {
        this(policy, sleeper, observer, null);
    }

    /**
     * Retries by {@code policy}, waiting with {@code sleeper}, telling {@code observer}, and starting each attempt
     * when {@code pacer} (or {@code null}: none) gives it a turn, which throttled and successful attempts adjust.
     */
    public Retrier(RetryPolicy policy, Sleeper sleeper, Observer observer, Pacer pacer) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.pacer = pacer;
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
        Budget budget = budget();
        while (true) {
            if (pacer != null) {
                pacer.awaitTurn();
            }
            try {
                T result = attempt.run();
                if (pacer != null) {
                    pacer.succeeded();
                }
                return result;
            } catch (StorageException e) {
                if (pacer != null && isThrottled(e)) {
                    pacer.throttled();
                }
                if (!budget.mayRetry(e)) {
                    throw e;
                }
                pause(what, budget.attempts(), e);
            }
        }
    }

    /** A fresh count of the attempts of one operation. */
    public Budget budget() {
        return new Budget();
    }

    /**
     * Counts the failed attempts of one operation, throttled ones apart, and says whether another may follow. Not
     * thread-safe: one per operation.
     */
    public final class Budget {
        private int failures;
        private int throttles;

        private Budget() {}

        /** Counts {@code failure} (and reports it to the observer); whether another attempt may follow. */
        public boolean mayRetry(StorageException failure) {
            if (!failure.isRetryable()) {
                return false;
            }
            observer.onFailedAttempt(failure);
            if (isThrottled(failure)) {
                throttles++;
                return throttles < policy.maxThrottledAttempts();
            }
            failures++;
            return failures < policy.maxAttempts();
        }

        /** Starts counting again (an operation that made progress, such as a listing that delivered a key). */
        public void reset() {
            failures = 0;
            throttles = 0;
        }

        /** The attempts failed so far. */
        public int attempts() {
            return failures + throttles;
        }
    }

    /** Whether {@code failure} says the store is throttling. */
    public static boolean isThrottled(StorageException failure) {
        return failure instanceof TransientStorageException t && t.isThrottled();
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
        observer.onRetry(attempt, failure, wait);
        sleeper.sleep(wait);
    }
}
