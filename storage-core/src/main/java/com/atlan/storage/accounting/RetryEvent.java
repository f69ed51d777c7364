package com.atlan.storage.accounting;

import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.TransientStorageException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * An attempt that failed transiently and will be made again (a transfer, a listing, a read).
 *
 * @param store   the store that failed, or {@code null} when the failure does not say
 * @param key     the key concerned, or {@code null}
 * @param attempt the number of the attempt that failed (from 1)
 * @param cause   what kind of failure it was
 * @param backoff how long the engine waits before the next attempt
 * @param message the failure's message
 */
public record RetryEvent(String store, String key, int attempt, Cause cause, Duration backoff, String message) {

    /** Kinds of transient failure, for counting retries by cause. */
    public enum Cause {
        /** The store asked to be called less often (503 SlowDown, 429, ServerBusy). */
        THROTTLED,
        /** A request or read timed out. */
        TIMEOUT,
        /** A connection failed or was reset, or a body was cut short. */
        NETWORK,
        /** The store answered with a server error (5xx) or another transient error. */
        SERVER;

        /** The cause as a metric label: lower case. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind of {@code failure}. */
        public static Cause of(StorageException failure) {
            if (failure instanceof TransientStorageException t && t.isThrottled()) {
                return THROTTLED;
            }
            for (Throwable c = failure.getCause(); c != null; c = c.getCause()) {
                if (c instanceof SocketTimeoutException
                        || c instanceof HttpTimeoutException
                        || (c instanceof InterruptedIOException && !(c.getCause() instanceof InterruptedException))) {
                    return TIMEOUT;
                }
                if (c instanceof IOException) {
                    return NETWORK;
                }
            }
            return SERVER;
        }
    }

    /** The event for attempt {@code attempt}, which failed with {@code failure}, retried after {@code wait}. */
    public static RetryEvent of(int attempt, StorageException failure, Duration wait) {
        return new RetryEvent(failure.store(), failure.key(), attempt, Cause.of(failure), wait, failure.getMessage());
    }
}
