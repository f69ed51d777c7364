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

    /**
     * The error for metadata {@code key} of component {@code component} whose value is not what it must be; {@code
     * why} says what it must be (and may quote the value, never a secret's).
     */
    public static StorageConfigException invalidSetting(String component, String key, String why) {
        return new StorageConfigException("component '" + component + "' metadata '" + key + "' " + why);
    }

    /** Always: a store that is misconfigured or missing fails every object. */
    @Override
    public boolean isStoreWide() {
        return true;
    }
}
