package com.atlan.storage.store;

/** A key that cannot be used safely, such as one escaping the store root; not retryable. */
public final class InvalidKeyException extends StorageException {

    /** A failure about {@code key} in {@code store} (either may be {@code null}). */
    public InvalidKeyException(String store, String key, String message) {
        super(store, key, message, null);
    }

    /** A failure about {@code key} in {@code store}, caused by {@code cause}. */
    public InvalidKeyException(String store, String key, String message, Throwable cause) {
        super(store, key, message, cause);
    }
}
