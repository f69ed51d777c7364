package com.atlan.storage.store;

/**
 * A failure talking to an object store. Every failure carries the store name and the key it
 * concerns (when there is one) and a message a person can act on. Messages never contain secrets.
 *
 * <p>The subclasses form a closed set so callers can decide what to do with a {@code switch}:
 * only {@link TransientStorageException} is worth retrying.
 */
public abstract sealed class StorageException extends RuntimeException
        permits ObjectNotFoundException,
                StoragePermissionException,
                StorageConfigException,
                TransientStorageException,
                IntegrityException,
                InvalidKeyException {

    private final String store;
    private final String key;

    protected StorageException(String store, String key, String message, Throwable cause) {
        super(message, cause);
        this.store = store;
        this.key = key;
    }

    /** The store name, or {@code null} when the failure is not about one store. */
    public String store() {
        return store;
    }

    /** The object key, or {@code null} when the failure is not about one object. */
    public String key() {
        return key;
    }

    /** Whether trying the same operation again may succeed. */
    public boolean isRetryable() {
        return false;
    }

    /**
     * Whether the failure will recur for every object of the store (a missing bucket, rejected credentials), so
     * a migration should stop instead of failing each object in turn.
     */
    public boolean isStoreWide() {
        return false;
    }
}
