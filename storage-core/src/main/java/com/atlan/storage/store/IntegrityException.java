package com.atlan.storage.store;

/**
 * The bytes written differ from the bytes read (size or checksum). Not retryable, except for bytes corrupted on their
 * way from the source ({@link #inTransit}), which another read may bring intact.
 */
public final class IntegrityException extends StorageException {

    private final boolean retryable;

    /** A failure about {@code key} in {@code store} (either may be {@code null}). */
    public IntegrityException(String store, String key, String message) {
        this(store, key, message, null, false);
    }

    /** A failure about {@code key} in {@code store}, caused by {@code cause}. */
    public IntegrityException(String store, String key, String message, Throwable cause) {
        this(store, key, message, cause, false);
    }

    private IntegrityException(String store, String key, String message, Throwable cause, boolean retryable) {
        super(store, key, message, cause);
        this.retryable = retryable;
    }

    /** Bytes read from {@code key} in {@code store} that are not its content: another attempt reads them again. */
    public static IntegrityException inTransit(String store, String key, String message) {
        return new IntegrityException(store, key, message, null, true);
    }

    /** As {@link #inTransit(String, String, String)}, caused by {@code cause}. */
    public static IntegrityException inTransit(String store, String key, String message, Throwable cause) {
        return new IntegrityException(store, key, message, cause, true);
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
