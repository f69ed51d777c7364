package com.atlan.storage.state;

/**
 * The state store failed: unreachable, refused the credentials, holds something that is not a JSON object
 * where one is expected, or kept changing under a conditional write. Reads that fail raise this; they never
 * pass for empty state.
 */
public final class StateStoreException extends StateException {

    /** A failure described by {@code message}, which names the store. */
    public StateStoreException(String message) {
        super(message, null);
    }

    /** A failure described by {@code message}, which names the store, caused by {@code cause}. */
    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
