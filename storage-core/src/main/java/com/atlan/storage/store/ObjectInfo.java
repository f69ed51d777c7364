package com.atlan.storage.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What a store knows about one object without reading it.
 *
 * @param key          the store key (never starts or ends with {@code /})
 * @param size         the size in bytes
 * @param lastModified the modification time, or {@code null} when the store does not say
 * @param etag         the store's entity tag (unquoted), or {@code null} when it has none
 */
public record ObjectInfo(String key, long size, Instant lastModified, String etag) {

    public ObjectInfo {
        Objects.requireNonNull(key, "key");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0 for " + key + ": " + size);
        }
    }

    /** An object with no entity tag. */
    public static ObjectInfo of(String key, long size, Instant lastModified) {
        return new ObjectInfo(key, size, lastModified, null);
    }

    /** This object with another entity tag. */
    public ObjectInfo withEtag(String newEtag) {
        return new ObjectInfo(key, size, lastModified, newEtag);
    }
}
