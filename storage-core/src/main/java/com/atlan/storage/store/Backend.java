package com.atlan.storage.store;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One configured object store: a flat namespace of keys holding immutable byte sequences. This is the SPI
 * every backend implements (local folders, S3, Azure Blob, GCS); the SDK-style facade over it is
 * {@link com.atlan.storage.services.ObjectStore}.
 *
 * <p>Keys are already normalised (see {@link StoreKeys}); implementations refuse keys they cannot represent
 * with {@link InvalidKeyException}. Every failure is a {@link StorageException}. A backend never retries a
 * request that reached the server: the engine owns attempts (see docs/architecture.md, "Retries"); it may
 * re-send one that provably never left (a stale pooled connection). Implementations are safe for concurrent
 * use by many threads.
 */
public interface Backend extends AutoCloseable {

    /** The configured name of this store (its Dapr component name), used in messages. */
    String name();

    /** What this store can do and report; constant for the store's life. */
    Features features();

    /**
     * Lists objects whose key starts with {@code prefix} (a plain string prefix, as S3 does) after
     * {@code startAfter}, in {@link Features#listingOrder()}, streaming page by page. A listing that cannot be
     * trusted to be complete (a truncated page, a repeated continuation token, a body that is not a listing)
     * throws instead of ending early.
     *
     * <p>The stream must be closed; it may throw {@link StorageException} while being consumed. Callers that want
     * directory-safe prefix semantics use {@link Listings#select}.
     *
     * @param prefix     a raw key prefix; {@code ""} lists everything
     * @param startAfter only keys after this one (in the listing order) are returned; {@code null} or {@code ""}
     *                   for all; ignored by {@link ListingOrder#UNORDERED} stores, whose callers filter
     */
    Stream<ObjectInfo> list(String prefix, String startAfter);

    /**
     * {@link #list} by the simplest protocol the store has (one paged listing, no fan-out over folders), for
     * verification: a check must not share the code path whose answer it checks. The default is {@link #list}.
     */
    default Stream<ObjectInfo> listFlat(String prefix, String startAfter) {
        return list(prefix, startAfter);
    }

    /** The object's size, time, hashes and metadata, or empty when no object has this key. */
    Optional<ObjectInfo> stat(String key);

    /**
     * {@link #stat}, for an object that must exist.
     *
     * @throws ObjectNotFoundException when no object has this key
     */
    default ObjectInfo require(String key) {
        return stat(key).orElseThrow(() -> ObjectNotFoundException.noObject(name(), key));
    }

    /** Refuses a negative offset or length, as every {@link #open(String, long, long)} does before it reads. */
    static void checkRange(long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must be >= 0: " + offset + ", " + length);
        }
    }

    /** Refuses a negative length, as every {@link #put} does before it reads. */
    static void checkLength(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0: " + length);
        }
    }

    /**
     * Opens the object's content for reading, with what the read learned about the object.
     *
     * @throws ObjectNotFoundException when no object has this key
     */
    ObjectContent open(String key);

    /**
     * Opens {@code length} bytes of the object starting at {@code offset} (fewer when the object ends first).
     *
     * @throws ObjectNotFoundException when no object has this key
     */
    ObjectContent open(String key, long offset, long length);

    /**
     * Writes an object from a stream of exactly {@code length} bytes, replacing any object with that key. A
     * reader never sees a partly written object, and a failed write leaves none behind under the key. The stream
     * is read but not closed. Hashes in {@link PutOptions#expected()} of a kind in
     * {@link Features#verifiedOnWrite()} are checked (a mismatch is an {@link IntegrityException}).
     *
     * @return what the store recorded (at least key and size; hashes it learned from the write)
     */
    ObjectInfo put(String key, InputStream data, long length, PutOptions options);

    /**
     * Deletes an object.
     *
     * @return {@code true} when an object was deleted, {@code false} when none had this key
     */
    boolean delete(String key);

    /**
     * Copies {@code object} from {@code source} into this store under the same key, server side; only called
     * when {@link Features#canCopyFrom} holds for the two stores. The copy keeps the object's metadata. When
     * {@code object} carries an entity tag, a source that changed since it was listed fails the copy.
     *
     * @return what this store recorded
     * @throws UnsupportedOperationException when this object cannot be copied server side although the source
     *     holds it (a server that cannot name it as a copy source): the caller streams it instead
     */
    default ObjectInfo copyFrom(Backend source, ObjectInfo object) {
        throw new UnsupportedOperationException(name() + " cannot copy server side from " + source.name());
    }

    /**
     * A URL from which another service can read the object without credentials until {@code validFor} passes,
     * when {@link Features#presignsReads()}; empty otherwise.
     */
    default Optional<URI> presignRead(String key, Duration validFor) {
        return Optional.empty();
    }

    /**
     * Removes what unfinished writes under {@code prefix} left behind (S3 multipart uploads, partial files) when they
     * were started before {@code initiatedBefore}: a write interrupted by a kill, or whose own clean-up failed. Writes
     * started later may belong to a run still going and are left alone.
     *
     * @return how many were removed; {@code 0} where the store leaves nothing behind
     */
    default int abortIncompleteWrites(String prefix, java.time.Instant initiatedBefore) {
        return 0;
    }

    /**
     * Checks that this store can be read as a migration's source at all, so that a wrong location is an error instead
     * of an empty listing (a local folder that does not exist or is a file). The default checks nothing: remote
     * stores report such problems from their listings.
     *
     * @throws StorageConfigException naming what to fix
     */
    default void requireReadable() {}

    /** Releases clients and connections. */
    @Override
    default void close() {}
}
