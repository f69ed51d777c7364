package com.atlan.storage.accounting;

import com.atlan.storage.store.ObjectInfo;
import java.util.List;

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

    /** A transfer of {@code object} started. */
    default void onTransferStarted(ObjectInfo object) {}

    /** An object was migrated and verified. */
    default void onMigrated(ObjectInfo object) {}

    /** An object was already identical at the destination. */
    default void onSkipped(ObjectInfo object) {}

    /** An object failed for good (after any retries). */
    default void onFailed(FailureRecord failure) {}

    /**
     * An object ended, however it ended (also when its transfer was cancelled): one event per object, after {@link
     * #onMigrated}, {@link #onSkipped} or {@link #onFailed}.
     */
    default void onObject(ObjectEvent event) {}

    /** An attempt failed transiently and will be made again. */
    default void onRetry(RetryEvent event) {}

    /** One listener that passes every event to each of {@code listeners} in turn. */
    static ProgressListener all(List<ProgressListener> listeners) {
        List<ProgressListener> each =
                listeners.stream().filter(l -> l != null && l != NONE).toList();
        if (each.isEmpty()) {
            return NONE;
        }
        if (each.size() == 1) {
            return each.getFirst();
        }
        return new ProgressListener() {
            @Override
            public void onListed(ObjectInfo object) {
                each.forEach(l -> l.onListed(object));
            }

            @Override
            public void onListingComplete(long files, long bytes) {
                each.forEach(l -> l.onListingComplete(files, bytes));
            }

            @Override
            public void onBytes(long bytes) {
                each.forEach(l -> l.onBytes(bytes));
            }

            @Override
            public void onTransferStarted(ObjectInfo object) {
                each.forEach(l -> l.onTransferStarted(object));
            }

            @Override
            public void onMigrated(ObjectInfo object) {
                each.forEach(l -> l.onMigrated(object));
            }

            @Override
            public void onSkipped(ObjectInfo object) {
                each.forEach(l -> l.onSkipped(object));
            }

            @Override
            public void onFailed(FailureRecord failure) {
                each.forEach(l -> l.onFailed(failure));
            }

            @Override
            public void onObject(ObjectEvent event) {
                each.forEach(l -> l.onObject(event));
            }

            @Override
            public void onRetry(RetryEvent event) {
                each.forEach(l -> l.onRetry(event));
            }
        };
    }
}
