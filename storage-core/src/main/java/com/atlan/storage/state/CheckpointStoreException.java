package com.atlan.storage.state;

/** A checkpoint could not be read or written; the message names the job and the store. */
public final class CheckpointStoreException extends StateException {

    /** A failure described by {@code message}, caused by {@code cause}. */
    public CheckpointStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
