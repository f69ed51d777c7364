package com.atlan.storage.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What a store knows about one object without reading it.
 *
 * @param key          the store key (never starts or ends with {@code /})
 * @param size         the size in bytes
 * @param lastModified the modification time, or {@code null} when the store does not say
 * @param etag         the store's entity tag (unquoted), or {@code null}: an opaque version marker, compared only
 *                     between stores of one copy domain and sent back as a precondition; never taken for a hash
 * @param hashes       content hashes the store vouches for (see {@link Hashes}); never {@code null}
 * @param metadata     the object's metadata, or {@code null} when this answer did not carry it (listings)
 */
public record ObjectInfo(
        String key, long size, Instant lastModified, String etag, Hashes hashes, ObjectMetadata metadata) {

    public ObjectInfo {
        Objects.requireNonNull(key, "key");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0 for " + key + ": " + size);
        }
        hashes = hashes == null ? Hashes.none() : hashes;
    }

    /** An object with an entity tag but no hashes or metadata. */
    public ObjectInfo(String key, long size, Instant lastModified, String etag) {
        this(key, size, lastModified, etag, Hashes.none(), null);
    }

    /** An object with no entity tag, hashes or metadata. */
    public static ObjectInfo of(String key, long size, Instant lastModified) {
        return new ObjectInfo(key, size, lastModified, null, Hashes.none(), null);
    }

    /** This object with {@code more} hashes added. */
    public ObjectInfo withHashes(Hashes more) {
        return new ObjectInfo(key, size, lastModified, etag, hashes.with(more), metadata);
    }

    /** This object with its metadata. */
    public ObjectInfo withMetadata(ObjectMetadata newMetadata) {
        return new ObjectInfo(key, size, lastModified, etag, hashes, newMetadata);
    }
}
