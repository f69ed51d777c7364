package com.atlan.storage.migrate;

import com.atlan.storage.accounting.ObjectOutcome;
import com.atlan.storage.retry.Retrier;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ContentHasher;
import com.atlan.storage.store.DelegatingBackend;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.Messages;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PartsMd5;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.TransientStorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one object from the source to the destination under the same key: server side when the destination
 * can ({@link Features#canCopyFrom}), otherwise streamed from {@code open} to {@code put} with its metadata.
 * Transient failures are retried by the engine's {@link Retrier}.
 *
 * <p>End-to-end integrity: the bytes read are counted ({@link VerifyingInputStream}) and must have the hashes the
 * source declares (from its listing and from the read itself). The destination checks the kinds it verifies on
 * write ({@link Features#verifiedOnWrite()}); the others are computed here. What the destination recorded must
 * have the size, and agree with every hash known. Any mismatch is a non-retryable {@link IntegrityException}, and
 * the bad copy is deleted.
 */
final class ObjectTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectTransfer.class);

    private final Backend source;
    private final Backend destination;
    private final Retrier retrier;
    private final boolean serverSide;
    private final LongConsumer counter;
    /** Whether a server-side copy that fell back to streaming was logged at warning level yet (once a run). */
    private final AtomicBoolean warnedStreaming = new AtomicBoolean();

    /** What one copy wrote, and whether the destination copied it itself or the bytes were streamed here. */
    record Copied(ObjectInfo written, boolean serverSide) {
        /** How the run books it. */
        ObjectOutcome outcome() {
            return serverSide ? ObjectOutcome.COPIED_SERVER_SIDE : ObjectOutcome.COPIED;
        }
    }

    ObjectTransfer(
            Backend source, Backend destination, boolean allowServerSide, Retrier retrier, LongConsumer counter) {
        this.source = source;
        this.destination = destination;
        this.retrier = retrier;
        this.serverSide = allowServerSide && destination.features().canCopyFrom(source.features());
        this.counter = counter;
    }

    /** Whether copies are tried server side first; {@link Copied#serverSide()} says how each one went. */
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
        return copy(object, object.key(), new AtomicInteger());
    }

    /**
     * Copies {@code object} to {@code target} (server side only when that is its own key), retrying transient
     * failures and counting each attempt in {@code attempts}.
     */
    ObjectInfo copy(ObjectInfo object, String target, AtomicInteger attempts) throws InterruptedException {
        return copied(object, target, attempts).written();
    }

    /** {@link #copy(ObjectInfo, String, AtomicInteger)}, saying whether the last attempt copied server side. */
    Copied copied(ObjectInfo object, String target, AtomicInteger attempts) throws InterruptedException {
        return retrier.call("copying '" + object.key() + "'", () -> {
            attempts.incrementAndGet();
            return copyOnce(object, target);
        });
    }

    private Copied copyOnce(ObjectInfo object, String target) {
        if (serverSide && target.equals(object.key())) {
            ObjectInfo written;
            try {
                // the destination recognises its peer only undecorated; no bytes pass here, so none count as bandwidth
                written = destination.copyFrom(DelegatingBackend.unwrap(source), object);
            } catch (UnsupportedOperationException e) {
                // a source the service cannot read from falls back for every object: say so once, then quietly
                if (warnedStreaming.compareAndSet(false, true)) {
                    LOG.warn(
                            "streaming '{}' (and any other object the server cannot copy) instead: {}",
                            object.key(),
                            e.getMessage());
                } else {
                    LOG.debug("streaming '{}' instead: {}", object.key(), e.getMessage());
                }
                return new Copied(stream(object, target), false);
            }
            checkWritten(object, target, written, object.hashes());
            return new Copied(written, true);
        }
        return new Copied(stream(object, target), false);
    }

    private ObjectInfo stream(ObjectInfo object, String target) {
        try (ObjectContent content = source.open(object.key())) {
            Hashes declared = object.hashes().with(content.info().hashes());
            // Hash here only what the source declares and the destination does not check itself: S3 sends an MD5
            // as Content-MD5 and the server refuses other bytes, so hashing here too would double the CPU per byte.
            Set<HashKind> toCompute = EnumSet.noneOf(HashKind.class);
            toCompute.addAll(declared.kinds());
            toCompute.removeAll(destination.features().verifiedOnWrite());
            PartsMd5 parts = declared.get(HashKind.MD5_OF_PARTS)
                    .map(tag -> new PartsMd5(object.size(), tag))
                    .orElse(null);
            if (parts != null) {
                // for a second read's comparison, if no usual part size fits (CRC32C: a fraction of MD5's CPU)
                toCompute.add(HashKind.CRC32C);
            }
            toCompute = ContentHasher.computable(toCompute);
            ContentHasher hasher = toCompute.isEmpty() ? null : new ContentHasher(toCompute);
            ObjectMetadata metadata = content.info().metadata() != null
                    ? content.info().metadata()
                    : object.metadata() == null ? ObjectMetadata.EMPTY : object.metadata();
            PutOptions options = new PutOptions(
                    object.lastModified(),
                    metadata.restrictedTo(destination.features().metadata()),
                    declared);
            try (VerifyingInputStream in = new VerifyingInputStream(
                            content, source.name(), object.key(), object.size(), hasher, declared, counter)
                    .checkingParts(parts, () -> crc32cOfASecondRead(object))) {
                if (object.size() == 0) {
                    // a put of no bytes reads nothing, so the check that the source holds no more runs first
                    in.verifyComplete();
                }
                ObjectInfo written;
                try {
                    written = destination.put(target, in, object.size(), options);
                } catch (RuntimeException e) {
                    if (in.failure() != null && in.failure() != e) {
                        in.failure().addSuppressed(e);
                        throw in.failure();
                    }
                    throw e;
                }
                try {
                    in.verifyComplete();
                } catch (IOException | RuntimeException e) {
                    // the destination stopped reading before the end, so it may hold the object already
                    deleteQuietly(target);
                    throw e;
                }
                checkWritten(object, target, written, declared.with(in.computed()));
                return written;
            }
        } catch (IOException e) {
            throw new TransientStorageException(
                    source.name(),
                    object.key(),
                    "reading '" + object.key() + "' from " + source.name() + " failed: " + Messages.of(e),
                    e);
        } catch (UncheckedIOException e) {
            throw new TransientStorageException(
                    source.name(),
                    object.key(),
                    "copying '" + object.key() + "' failed: " + Messages.of(e.getCause()),
                    e);
        }
    }

    /** The CRC32C of {@code object}'s bytes read again from the source, for a content no declared hash vouches for. */
    private String crc32cOfASecondRead(ObjectInfo object) throws IOException {
        LOG.debug(
                "reading '{}' from {} a second time: its multipart tag fits no usual part size",
                object.key(),
                source.name());
        ContentHasher crc = new ContentHasher(Set.of(HashKind.CRC32C));
        try (ObjectContent again = source.open(object.key())) {
            long total = crc.feed(again);
            if (total != object.size()) {
                throw new IOException(
                        "a second read of '" + object.key() + "' gave " + total + " bytes, not " + object.size());
            }
        } catch (StorageException e) {
            throw new IOException(e.getMessage(), e);
        }
        return crc.finish().get(HashKind.CRC32C).orElseThrow();
    }

    /**
     * Checks what the destination recorded against what was sent: the size always, and every hash of a kind both
     * sides know. A destination that reports hashes of a known kind but returned none from the write is asked
     * once. A bad object is deleted, so neither a reader nor a later skip-unchanged run takes it for a good copy.
     */
    private void checkWritten(ObjectInfo object, String target, ObjectInfo written, Hashes known) {
        ObjectInfo recorded = written;
        if (recorded.size() == object.size()
                && recorded.hashes().compare(known) == Hashes.Comparison.UNKNOWN
                && known.kinds().stream().anyMatch(destination.features().hashes()::contains)) {
            recorded = destination.stat(target).orElse(written);
        }
        String problem = null;
        if (recorded.size() != object.size()) {
            problem = "has " + recorded.size() + " bytes after the write, but the source listed " + object.size();
        } else if (recorded.hashes().compare(known) == Hashes.Comparison.DIFFERENT) {
            problem = "has hashes " + recorded.hashes() + " after the write, but the bytes sent have " + known;
        }
        if (problem != null) {
            deleteQuietly(target);
            throw new IntegrityException(
                    destination.name(),
                    target,
                    "'" + target + "' in " + destination.name() + " " + problem + "; the bad copy was deleted");
        }
    }

    private void deleteQuietly(String key) {
        try {
            destination.delete(key);
        } catch (RuntimeException e) {
            LOG.warn("could not delete the bad copy of '{}' in {}: {}", key, destination.name(), e.getMessage());
        }
    }
}
