package com.atlan.storage.store;

import java.time.Instant;
import java.util.Map;

/**
 * How to write an object.
 *
 * @param lastModified modification time to keep where the store can set it (local files), or {@code null}
 * @param contentType  the MIME type to record, or {@code null} for the store's default
 * @param metadata     user metadata to record where the store supports it; never {@code null}
 * @param expectedMd5  the hex MD5 the bytes must have (the source declared it), or {@code null} when unknown;
 *                     a store for which {@link ObjectStore#checksExpectedMd5} holds refuses other bytes
 */
public record PutOptions(Instant lastModified, String contentType, Map<String, String> metadata, String expectedMd5) {

    /** No modification time, content type or metadata. */
    public static final PutOptions DEFAULT = new PutOptions(null, null, Map.of(), null);

    public PutOptions {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (expectedMd5 != null && !isHexMd5(expectedMd5)) {
            throw new IllegalArgumentException("expectedMd5 must be 32 hex digits, got '" + expectedMd5 + "'");
        }
    }

    /** Options with no expected MD5. */
    public PutOptions(Instant lastModified, String contentType, Map<String, String> metadata) {
        this(lastModified, contentType, metadata, null);
    }

    /** Options that keep the given modification time. */
    public static PutOptions withLastModified(Instant lastModified) {
        return new PutOptions(lastModified, null, Map.of(), null);
    }

    /**
     * Whether {@code s} is an MD5 in hex: 32 hex digits (a single-part S3 entity tag; a multipart one has a
     * {@code -N} part count). A plain loop: this runs for every object copied.
     */
    public static boolean isHexMd5(String s) {
        if (s == null || s.length() != 32) return false;
        for (int i = 0; i < 32; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
        }
        return true;
    }

    /** These options with {@code expectedMd5} (hex, or {@code null} for none). */
    public PutOptions withExpectedMd5(String md5) {
        return new PutOptions(lastModified, contentType, metadata, md5);
    }
}
