package com.atlan.storage.store;

import java.time.Instant;

/**
 * How to write an object.
 *
 * @param lastModified modification time to keep where the store can ({@link Features#preservesModTime()}), or
 *                     {@code null}
 * @param metadata     metadata to record, as far as the store holds it ({@link Features#metadata()}); never
 *                     {@code null}
 * @param expected     hashes the bytes must have (the source declared them); a store checks those of a kind in
 *                     {@link Features#verifiedOnWrite()} and refuses other bytes; never {@code null}
 */
public record PutOptions(Instant lastModified, ObjectMetadata metadata, Hashes expected) {

    /** No modification time, metadata or expected hashes. */
    public static final PutOptions DEFAULT = new PutOptions(null, ObjectMetadata.EMPTY, Hashes.none());

    public PutOptions {
        metadata = metadata == null ? ObjectMetadata.EMPTY : metadata;
        expected = expected == null ? Hashes.none() : expected;
    }

    /** Options that keep the given modification time. */
    public static PutOptions withLastModified(Instant lastModified) {
        return new PutOptions(lastModified, ObjectMetadata.EMPTY, Hashes.none());
    }

    /** These options with {@code hashes} expected. */
    public PutOptions withExpected(Hashes hashes) {
        return new PutOptions(lastModified, metadata, hashes);
    }

    /** These options with {@code newMetadata}. */
    public PutOptions withMetadata(ObjectMetadata newMetadata) {
        return new PutOptions(lastModified, newMetadata, expected);
    }

    /** The expected MD5 as hex, or {@code null}. */
    public String expectedMd5() {
        return expected.get(HashKind.MD5).orElse(null);
    }
}
