package com.atlan.storage.azure;

import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobItemProperties;
import com.azure.storage.blob.models.BlobProperties;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Translates between Azure's blob properties and the SPI's values. A blob's {@code Content-MD5} is reported as its
 * MD5: the service computes it for a Put Blob, and this backend records the MD5 it computed and checked for blobs
 * it writes as blocks (see {@link BlockUploader}).
 */
final class AzureObjects {

    private AzureObjects() {}

    /** A listed blob; listings carry no metadata. */
    static ObjectInfo listed(BlobItem item) {
        BlobItemProperties p = item.getProperties();
        return new ObjectInfo(
                item.getName(),
                p.getContentLength() == null ? 0 : p.getContentLength(),
                instant(p.getLastModified()),
                unquote(p.getETag()),
                md5(p.getContentMd5()),
                null);
    }

    /** A blob as its properties describe it, metadata included. */
    static ObjectInfo described(String key, BlobProperties p) {
        return new ObjectInfo(
                key,
                p.getBlobSize(),
                instant(p.getLastModified()),
                unquote(p.getETag()),
                md5(p.getContentMd5()),
                new ObjectMetadata(
                        p.getContentType(),
                        p.getContentEncoding(),
                        p.getContentDisposition(),
                        p.getContentLanguage(),
                        p.getCacheControl(),
                        lowerCase(p.getMetadata())));
    }

    /** The content headers to write for {@code metadata}, with {@code md5} (may be {@code null}). */
    static BlobHttpHeaders headers(ObjectMetadata metadata, byte[] md5) {
        return new BlobHttpHeaders()
                .setContentType(metadata.contentType() == null ? "application/octet-stream" : metadata.contentType())
                .setContentEncoding(metadata.contentEncoding())
                .setContentDisposition(metadata.contentDisposition())
                .setContentLanguage(metadata.contentLanguage())
                .setCacheControl(metadata.cacheControl())
                .setContentMd5(md5);
    }

    /** User metadata as Azure takes it: {@code null} for none (an empty map is sent as no header anyway). */
    static Map<String, String> userMetadata(ObjectMetadata metadata) {
        return metadata.user().isEmpty() ? null : metadata.user();
    }

    static Hashes md5(byte[] md5) {
        return md5 == null || md5.length != 16
                ? Hashes.none()
                : Hashes.of(HashKind.MD5, HexFormat.of().formatHex(md5));
    }

    static String unquote(String etag) {
        return etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1)
                : etag;
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static Map<String, String> lowerCase(Map<String, String> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return Map.of();
        }
        Map<String, String> result = new HashMap<>();
        metadata.forEach((k, v) -> result.put(k.toLowerCase(Locale.ROOT), v));
        return result;
    }
}
