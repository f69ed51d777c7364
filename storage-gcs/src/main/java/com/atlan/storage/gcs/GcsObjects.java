package com.atlan.storage.gcs;

import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.google.cloud.storage.BlobInfo;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Translates between GCS object resources and the SPI's values. Hashes are the service's own: CRC32C always, MD5
 * except for composite objects. The entity tag reported is the object's generation, which changes with every write
 * and is what a rewrite can be pinned to.
 */
final class GcsObjects {

    private GcsObjects() {}

    /** An object as GCS describes it; {@code withMetadata} when the answer carried the full resource. */
    static ObjectInfo described(BlobInfo blob, boolean withMetadata) {
        OffsetDateTime updated = blob.getUpdateTimeOffsetDateTime();
        return new ObjectInfo(
                blob.getName(),
                blob.getSize() == null ? 0 : blob.getSize(),
                updated == null ? null : updated.toInstant(),
                blob.getGeneration() == null ? null : Long.toString(blob.getGeneration()),
                hashes(blob),
                withMetadata ? metadata(blob) : null);
    }

    static Hashes hashes(BlobInfo blob) {
        return Hashes.none().with(HashKind.CRC32C, hex(blob.getCrc32c())).with(HashKind.MD5, hex(blob.getMd5()));
    }

    static ObjectMetadata metadata(BlobInfo blob) {
        Map<String, String> user = new HashMap<>();
        if (blob.getMetadata() != null) {
            blob.getMetadata().forEach((k, v) -> {
                if (v != null) user.put(k.toLowerCase(Locale.ROOT), v);
            });
        }
        return new ObjectMetadata(
                blob.getContentType(),
                blob.getContentEncoding(),
                blob.getContentDisposition(),
                blob.getContentLanguage(),
                blob.getCacheControl(),
                user);
    }

    /** {@code builder} with {@code metadata}'s content headers and user metadata. */
    static BlobInfo.Builder withMetadata(BlobInfo.Builder builder, ObjectMetadata metadata) {
        return builder.setContentType(
                        metadata.contentType() == null ? "application/octet-stream" : metadata.contentType())
                .setContentEncoding(metadata.contentEncoding())
                .setContentDisposition(metadata.contentDisposition())
                .setContentLanguage(metadata.contentLanguage())
                .setCacheControl(metadata.cacheControl())
                .setMetadata(metadata.user().isEmpty() ? null : metadata.user());
    }

    /** GCS's base64 hash as lowercase hex; {@code null} stays {@code null}. */
    static String hex(String base64) {
        return base64 == null
                ? null
                : HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }

    /** A hex hash as GCS's base64. */
    static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
