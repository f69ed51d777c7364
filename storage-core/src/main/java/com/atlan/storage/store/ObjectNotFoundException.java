package com.atlan.storage.store;

/** No object has the key; not retryable. */
public final class ObjectNotFoundException extends StorageException {

    /** A failure about {@code key} in {@code store} (either may be {@code null}). */
    public ObjectNotFoundException(String store, String key, String message) {
        super(store, key, message, null);
    }

    /** A failure about {@code key} in {@code store}, caused by {@code cause}. */
    public ObjectNotFoundException(String store, String key, String message, Throwable cause) {
        super(store, key, message, cause);
    }

    /** The error for no object under {@code key} in {@code store}: {@code no object 'key' in store}. */
    public static ObjectNotFoundException noObject(String store, String key) {
        return new ObjectNotFoundException(store, key, "no object '" + key + "' in " + store);
    }
}
