package com.atlan.storage.store;

/** The credentials were refused or lack a permission; not retryable. */
public final class StoragePermissionException extends StorageException {

    /** A failure about {@code key} in {@code store} (either may be {@code null}). */
    public StoragePermissionException(String store, String key, String message) {
        super(store, key, message, null);
    }

    /** A failure about {@code key} in {@code store}, caused by {@code cause}. */
    public StoragePermissionException(String store, String key, String message, Throwable cause) {
        super(store, key, message, cause);
    }
}
