package com.atlan.storage.store;

/** The bytes written differ from the bytes read (size or checksum); not retryable. */
public final class IntegrityException extends StorageException {

    /** A failure about {@code key} in {@code store} (either may be {@code null}). */
    public IntegrityException(String store, String key, String message) {
        super(store, key, message, null);
    }

    /** A failure about {@code key} in {@code store}, caused by {@code cause}. */
    public IntegrityException(String store, String key, String message, Throwable cause) {
        super(store, key, message, cause);
    }
}
