package com.atlan.storage.migrate;

import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectStore;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.TransientStorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one object from the source to the destination under the same key: server side when the
 * destination can, otherwise streamed from {@code open} to {@code put}. Transient failures are retried
 * with the {@link RetryPolicy}; the size written is checked against the size listed.
 */
final class ObjectTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectTransfer.class);

    private final ObjectStore source;
    private final ObjectStore destination;
    private final RetryPolicy retry;
    private final boolean serverSide;
    private final ExactLengthInputStream.ByteCounter counter;

    ObjectTransfer(ObjectStore source, ObjectStore destination, MigrationOptions options,
                   ExactLengthInputStream.ByteCounter counter) {
        this.source = source;
        this.destination = destination;
        this.retry = options.retry();
        this.serverSide = options.serverSideCopy() && destination.canCopyFrom(source);
        this.counter = counter;
    }

    /** Whether copies skip this process. */
    boolean serverSide() {
        return serverSide;
    }

    /**
     * Copies {@code object}, retrying transient failures.
     *
     * @return what the destination recorded
     * @throws StorageException the last failure when the object could not be copied
     * @throws InterruptedException when the migration is cancelled
     */
    ObjectInfo copy(ObjectInfo object) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return copyOnce(object);
            } catch (StorageException e) {
                if (!e.isRetryable() || attempt >= retry.maxAttempts()) {
                    throw e;
                }
                Duration wait = retry.backoffAfter(attempt);
                LOG.debug("retrying '{}' after attempt {} of {} in {} ms: {}", object.key(), attempt,
                        retry.maxAttempts(), wait.toMillis(), e.getMessage());
                Thread.sleep(wait);
            }
        }
    }

    private ObjectInfo copyOnce(ObjectInfo object) {
        ObjectInfo written = serverSide ? destination.copyFrom(source, object) : stream(object);
        if (written.size() != object.size()) {
            throw new IntegrityException(destination.name(), object.key(), "'" + object.key() + "' in "
                    + destination.name() + " has " + written.size() + " bytes after the write, but the source listed "
                    + object.size());
        }
        return written;
    }

    private ObjectInfo stream(ObjectInfo object) {
        try (InputStream raw = source.open(object.key());
             ExactLengthInputStream in = new ExactLengthInputStream(raw, source.name(), object.key(), object.size(), counter)) {
            ObjectInfo written = destination.put(object.key(), in, object.size(),
                    PutOptions.withLastModified(object.lastModified()));
            in.verifyComplete();
            return written;
        } catch (IOException e) {
            throw new TransientStorageException(source.name(), object.key(), "reading '" + object.key() + "' from "
                    + source.name() + " failed: " + e, e);
        } catch (UncheckedIOException e) {
            throw new TransientStorageException(source.name(), object.key(), "copying '" + object.key() + "' failed: "
                    + e.getCause(), e);
        }
    }
}
