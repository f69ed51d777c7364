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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one object from the source to the destination under the same key: server side when the
 * destination can, otherwise streamed from {@code open} to {@code put}. Transient failures are retried
 * with the {@link RetryPolicy}. End-to-end integrity: the bytes read are counted ({@link VerifyingInputStream})
 * and must have the MD5 the source declares, checked by the destination itself where it can
 * ({@link ObjectStore#checksExpectedMd5}) and digested here otherwise; the destination's recorded size and
 * MD5 entity tag must match what was sent. Any mismatch is a non-retryable {@link IntegrityException}.
 */
final class ObjectTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectTransfer.class);

    private final ObjectStore source;
    private final ObjectStore destination;
    private final RetryPolicy retry;
    private final boolean serverSide;
    private final VerifyingInputStream.ByteCounter counter;

    ObjectTransfer(
            ObjectStore source,
            ObjectStore destination,
            MigrationOptions options,
            VerifyingInputStream.ByteCounter counter) {
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
                LOG.debug(
                        "retrying '{}' after attempt {} of {} in {} ms: {}",
                        object.key(),
                        attempt,
                        retry.maxAttempts(),
                        wait.toMillis(),
                        e.getMessage());
                Thread.sleep(wait);
            }
        }
    }

    private ObjectInfo copyOnce(ObjectInfo object) {
        if (serverSide) {
            ObjectInfo written = destination.copyFrom(source, object);
            checkWritten(object, written, ContentMatch.declaredMd5(source, object));
            return written;
        }
        return stream(object);
    }

    private ObjectInfo stream(ObjectInfo object) {
        String declared = ContentMatch.declaredMd5(source, object);
        // Hash only when the source declares an MD5 to check the bytes against, and only when the destination
        // does not check it itself: S3 sends it as Content-MD5 and the server refuses other bytes, so hashing
        // here too would only double the CPU spent per byte.
        MessageDigest digest = declared != null && !destination.checksExpectedMd5(object.size()) ? md5() : null;
        try (InputStream raw = source.open(object.key());
                VerifyingInputStream in = new VerifyingInputStream(
                        raw,
                        source.name(),
                        object.key(),
                        object.size(),
                        digest,
                        digest != null ? declared : null,
                        counter)) {
            ObjectInfo written;
            try {
                written = destination.put(
                        object.key(),
                        in,
                        object.size(),
                        PutOptions.withLastModified(object.lastModified()).withExpectedMd5(declared));
            } catch (RuntimeException e) {
                if (in.failure() != null && in.failure() != e) {
                    in.failure().addSuppressed(e);
                    throw in.failure();
                }
                throw e;
            }
            in.verifyComplete();
            checkWritten(object, written, digest != null ? in.digestHex() : declared);
            return written;
        } catch (IOException e) {
            throw new TransientStorageException(
                    source.name(),
                    object.key(),
                    "reading '" + object.key() + "' from " + source.name() + " failed: " + e,
                    e);
        } catch (UncheckedIOException e) {
            throw new TransientStorageException(
                    source.name(), object.key(), "copying '" + object.key() + "' failed: " + e.getCause(), e);
        }
    }

    /**
     * Checks what the destination recorded against what was sent: the size always, and the entity tag when
     * the destination's tags are MD5s and {@code md5} (computed while streaming, or declared by the source)
     * is known. A destination that returned no tag is asked once. A bad object is deleted, so neither a
     * reader nor a later skip-unchanged run takes it for a good copy.
     */
    private void checkWritten(ObjectInfo object, ObjectInfo written, String md5) {
        String problem = null;
        if (written.size() != object.size()) {
            problem = "has " + written.size() + " bytes after the write, but the source listed " + object.size();
        } else if (md5 != null && destination.capabilities().md5Etags()) {
            ObjectInfo recorded = written.etag() != null
                    ? written
                    : destination.stat(object.key()).orElse(written);
            if (recorded.size() != object.size()) {
                problem = "has " + recorded.size() + " bytes after the write, but the source listed " + object.size();
            } else if (ContentMatch.isPlainMd5(recorded.etag())
                    && !recorded.etag().equalsIgnoreCase(md5)) {
                problem = "has MD5 entity tag " + recorded.etag() + " after the write, but the bytes sent have MD5 "
                        + md5;
            }
        }
        if (problem != null) {
            deleteQuietly(object.key());
            throw new IntegrityException(
                    destination.name(),
                    object.key(),
                    "'" + object.key() + "' in " + destination.name() + " " + problem + "; the bad copy was deleted");
        }
    }

    private void deleteQuietly(String key) {
        try {
            destination.delete(key);
        } catch (RuntimeException e) {
            LOG.warn("could not delete the bad copy of '{}' in {}: {}", key, destination.name(), e.getMessage());
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
