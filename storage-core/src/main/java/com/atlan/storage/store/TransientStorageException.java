package com.atlan.storage.store;

/** A failure that may pass: throttling, 5xx, resets, timeouts. Retryable. */
public final class TransientStorageException extends StorageException {

    /** A failure about {@code key} in {@code store} (either may be {@code null}). */
    public TransientStorageException(String store, String key, String message) {
        super(store, key, message, null);
    }

    /** A failure about {@code key} in {@code store}, caused by {@code cause}. */
    public TransientStorageException(String store, String key, String message, Throwable cause) {
        super(store, key, message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
