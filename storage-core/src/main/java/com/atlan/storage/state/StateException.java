package com.atlan.storage.state;

/**
 * A failure of the state store or of what is kept in it: the store could not be read or written
 * ({@link StateStoreException}, {@link CheckpointStoreException}) or a job is already running elsewhere
 * ({@link JobLockedException}). Messages name the store and the key or job, never a secret.
 */
public abstract sealed class StateException extends RuntimeException
        permits StateStoreException, CheckpointStoreException, JobLockedException {

    StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
