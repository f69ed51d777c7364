package com.atlan.storage.accounting;

import com.atlan.storage.store.ObjectInfo;

/**
 * Receives migration events as they happen, from many threads at once; implementations must be
 * thread-safe and quick. Every method has an empty default.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {};

    /** The listing yielded an object selected for migration. */
    default void onListed(ObjectInfo object) {}

    /** The listing ended; {@code files} objects were selected in all. */
    default void onListingComplete(long files, long bytes) {}

    /** {@code bytes} more bytes were written for an object in flight. */
    default void onBytes(long bytes) {}

    /** An object was migrated and verified. */
    default void onMigrated(ObjectInfo object) {}

    /** An object was already identical at the destination. */
    default void onSkipped(ObjectInfo object) {}

    /** An object failed for good (after any retries). */
    default void onFailed(FailureRecord failure) {}
}
