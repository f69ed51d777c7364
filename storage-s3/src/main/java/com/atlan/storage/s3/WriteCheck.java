package com.atlan.storage.s3;

import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.StorageException;

/**
 * What happens to a write that failed its check: it is deleted, so neither a reader nor a later run that compares by
 * size and time takes it for a good copy; and if the delete fails too, the error says so and names the key, so the
 * caller records it as failed and it is copied again.
 */
final class WriteCheck {

    private final S3Requests requests;
    private final String store;

    WriteCheck(S3Requests requests, String store) {
        this.requests = requests;
        this.store = store;
    }

    /** Deletes {@code key}, which failed {@code problem}; returns the error to throw. */
    IntegrityException discard(String key, IntegrityException problem) {
        try {
            Uninterrupted.run(() -> requests.deleteObject(key));
        } catch (StorageException e) {
            IntegrityException failed = new IntegrityException(
                    store,
                    key,
                    problem.getMessage() + "; deleting the bad copy failed too (" + e.getMessage() + "), so '" + key
                            + "' in " + store + " is NOT a good copy: migrate it again or delete it",
                    problem);
            failed.addSuppressed(e);
            return failed;
        }
        return new IntegrityException(store, key, problem.getMessage() + "; the bad copy was deleted", problem);
    }
}
