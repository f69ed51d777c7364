package com.atlan.storage.store;

import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A named object store: a flat namespace of keys holding immutable byte sequences.
 *
 * <p>This is the SPI every backend implements. Keys are already normalised (see {@link StoreKeys});
 * implementations reject keys they cannot represent safely with {@link InvalidKeyException}.
 * All failures are reported as subclasses of {@link StorageException}. Implementations must be
 * safe for concurrent use by many threads.
 */
public interface ObjectStore extends AutoCloseable {

    /** The configured name of this store (its Dapr component name), used in messages. */
    String name();

    /** What this backend supports beyond the basic operations. */
    default Capabilities capabilities() {
        return Capabilities.BASIC;
    }

    /**
     * Lists objects whose key starts with {@code prefix} (plain string prefix, as S3 does) and sorts
     * after {@code startAfter}, in ascending {@link KeyOrder} order, streaming page by page.
     *
     * <p>The stream must be closed; it may throw {@link StorageException} while being consumed.
     * Callers that want directory-safe prefix semantics use {@link Listings#select}.
     *
     * @param prefix     a raw key prefix; {@code ""} lists everything
     * @param startAfter only keys strictly greater than this are returned; {@code null} or {@code ""} for all
     */
    Stream<ObjectInfo> list(String prefix, String startAfter);

    /** The object's metadata, or empty when no object has this key. */
    Optional<ObjectInfo> stat(String key);

    /**
     * Opens the object's content for reading.
     *
     * @throws ObjectNotFoundException when no object has this key
     */
    InputStream open(String key);

    /**
     * Opens {@code length} bytes of the object starting at {@code offset} (fewer when the object ends first).
     *
     * @throws ObjectNotFoundException when no object has this key
     */
    InputStream open(String key, long offset, long length);

    /**
     * Writes an object from a stream of exactly {@code length} bytes, replacing any object with that key.
     * A reader never sees a partly written object. The stream is read but not closed.
     *
     * @return what the store recorded (at least key and size)
     */
    ObjectInfo put(String key, InputStream data, long length, PutOptions options);

    /**
     * Whether {@link #put} of an object of {@code size} bytes with {@link PutOptions#expectedMd5()} set checks
     * the bytes against that MD5 itself (S3 sends it as Content-MD5 and the server refuses other bytes) and
     * fails with {@link IntegrityException} when they differ. A caller may then skip hashing the bytes.
     */
    default boolean checksExpectedMd5(long size) {
        return false;
    }

    /**
     * Deletes an object.
     *
     * @return {@code true} when an object was deleted, {@code false} when none had this key
     */
    boolean delete(String key);

    /** Whether {@link #copyFrom} can copy from {@code source} without the bytes passing through this process. */
    default boolean canCopyFrom(ObjectStore source) {
        return false;
    }

    /**
     * Copies {@code object} from {@code source} into this store under the same key, server side.
     * Only called when {@link #canCopyFrom} returned {@code true}.
     *
     * @return what this store recorded
     */
    default ObjectInfo copyFrom(ObjectStore source, ObjectInfo object) {
        throw new UnsupportedOperationException(name() + " cannot copy server side from " + source.name());
    }

    /** Releases clients and connections. */
    @Override
    default void close() {}
}
