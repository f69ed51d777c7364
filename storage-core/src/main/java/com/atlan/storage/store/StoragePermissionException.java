package com.atlan.storage.store;

/** The credentials were refused or lack a permission; not retryable. */
public final class StoragePermissionException extends StorageException {

    private final boolean storeWide;

    /** A failure about {@code key} in {@code store} (either may be {@code null}). */
    public StoragePermissionException(String store, String key, String message) {
        this(store, key, message, null, false);
    }

    /** A failure about {@code key} in {@code store}, caused by {@code cause}. */
    public StoragePermissionException(String store, String key, String message, Throwable cause) {
        this(store, key, message, cause, false);
    }

    /**
     * A failure about {@code key} in {@code store}; {@code storeWide} when it concerns the whole store (the
     * credentials were rejected) rather than this key (a policy that denies some prefixes).
     */
    public StoragePermissionException(String store, String key, String message, Throwable cause, boolean storeWide) {
        super(store, key, message, cause);
        this.storeWide = storeWide;
    }

    @Override
    public boolean isStoreWide() {
        return storeWide;
    }
}
