package com.atlan.storage.migrate;

import com.atlan.storage.retry.Retrier;
import com.atlan.storage.retry.RetryPolicy;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectNotFoundException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies one object between stores, under the same key or another, with the engine's integrity checks (size and
 * every hash either side knows, a bad copy deleted) and its retries. Server side when the destination can and the
 * key stays the same; streamed otherwise.
 *
 * <pre>{@code
 * ObjectInfo written = ObjectCopy.copy(source, "reports/a.csv", destination, "archive/a.csv", RetryPolicy.DEFAULT);
 * }</pre>
 */
public final class ObjectCopy {

    private ObjectCopy() {}

    /**
     * Copies {@code key} of {@code source} to {@code target} in {@code destination}.
     *
     * @return what the destination recorded
     * @throws ObjectNotFoundException when {@code source} has no object {@code key}
     * @throws com.atlan.storage.store.StorageException when the copy failed for good
     * @throws InterruptedException when interrupted
     */
    public static ObjectInfo copy(Backend source, String key, Backend destination, String target, RetryPolicy retry)
            throws InterruptedException {
        Retrier retrier = Retrier.of(retry);
        ObjectInfo object = retrier.call("reading '" + key + "'", () -> source.stat(key))
                .orElseThrow(() -> new ObjectNotFoundException(
                        source.name(), key, "no object '" + key + "' in " + source.name(), null));
        return new ObjectTransfer(source, destination, true, retrier, n -> {})
                .copy(object, target, new AtomicInteger());
    }
}
