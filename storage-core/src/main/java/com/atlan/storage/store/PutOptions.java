package com.atlan.storage.store;

import java.time.Instant;
import java.util.Map;

/**
 * How to write an object.
 *
 * @param lastModified modification time to keep where the store can set it (local files), or {@code null}
 * @param contentType  the MIME type to record, or {@code null} for the store's default
 * @param metadata     user metadata to record where the store supports it; never {@code null}
 */
public record PutOptions(Instant lastModified, String contentType, Map<String, String> metadata) {

    /** No modification time, content type or metadata. */
    public static final PutOptions DEFAULT = new PutOptions(null, null, Map.of());

    public PutOptions {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Options that keep the given modification time. */
    public static PutOptions withLastModified(Instant lastModified) {
        return new PutOptions(lastModified, null, Map.of());
    }
}
