package com.atlan.storage.store;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that may pass: throttling, 5xx, resets, timeouts. Retryable; the engine owns the attempts (backends
 * never retry a request that reached the server) and slows down on {@link #isThrottled() throttling}.
 */
public final class TransientStorageException extends StorageException {

    private final boolean throttled;
    private final Duration retryAfter;

    /** A failure about {@code key} in {@code store} (either may be {@code null}). */
    public TransientStorageException(String store, String key, String message) {
        this(store, key, message, null, false, null);
    }

    /** A failure about {@code key} in {@code store}, caused by {@code cause}. */
    public TransientStorageException(String store, String key, String message, Throwable cause) {
        this(store, key, message, cause, false, null);
    }

    /**
     * A failure of a store that asked to be called less often ({@code throttled}: 503 SlowDown, 429, Azure's
     * ServerBusy), with the wait it asked for ({@code Retry-After}), or {@code null} when it named none.
     */
    public TransientStorageException(
            String store, String key, String message, Throwable cause, boolean throttled, Duration retryAfter) {
        super(store, key, message, cause);
        this.throttled = throttled;
        this.retryAfter = retryAfter;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    /** Whether the store is shedding load: the caller should lower its request rate, not just wait. */
    public boolean isThrottled() {
        return throttled;
    }

    /** The wait the store asked for before the next attempt, if it named one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
