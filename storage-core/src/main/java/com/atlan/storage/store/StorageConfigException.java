package com.atlan.storage.store;

/** The configuration is missing, invalid or names something that does not exist; not retryable. */
public final class StorageConfigException extends StorageException {

    /** A configuration problem described by {@code message}, which names the setting to fix. */
    public StorageConfigException(String message) {
        super(null, null, message, null);
    }

    /** A configuration problem of {@code store}, caused by {@code cause}. */
    public StorageConfigException(String store, String message, Throwable cause) {
        super(store, null, message, cause);
    }

    /** Always: a store that is misconfigured or missing fails every object. */
    @Override
    public boolean isStoreWide() {
        return true;
    }
}
