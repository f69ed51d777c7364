package com.atlan.storage.s3;

import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What S3 answers say about an object, as {@link ObjectInfo}: the one place that decides when an entity tag is an
 * MD5 of the content. It is one only for a single-part upload (no {@code -N} part count) that is not encrypted
 * with KMS or a customer key, and only where the store's settings do not say it could be ({@link
 * S3StoreConfig#etagsAreMd5()}); otherwise the tag stays an opaque version marker.
 */
final class S3Objects {

    private S3Objects() {}

    /** The MD5 an entity tag is, given the encryption the answer reported ({@code null} when it did not say). */
    static Hashes hashes(S3StoreConfig config, String etag, String serverSideEncryption, boolean customerKey) {
        if (etag == null || etag.length() != 32 || !Hashes.isHex(etag) || !config.etagsAreMd5() || customerKey) {
            return Hashes.none();
        }
        if (serverSideEncryption != null
                && serverSideEncryption.toLowerCase(Locale.ROOT).startsWith("aws:kms")) {
            return Hashes.none();
        }
        return Hashes.of(HashKind.MD5, etag);
    }

    /** An object from a listing entry (listings say nothing of encryption or metadata). */
    static ObjectInfo listed(S3StoreConfig config, ObjectInfo entry) {
        Hashes md5 = hashes(config, entry.etag(), null, false);
        return md5.isEmpty() ? entry : entry.withHashes(md5);
    }

    /**
     * An object from the headers of a HEAD or GET answer ({@code header} looks up lower-case names); {@code size}
     * is the whole object's size.
     */
    static ObjectInfo fromHeaders(
            S3StoreConfig config, String key, long size, Instant lastModified, Function<String, String> header) {
        String etag = Md5.unquote(header.apply("etag"));
        Hashes hashes = hashes(
                config,
                etag,
                header.apply("x-amz-server-side-encryption"),
                header.apply("x-amz-server-side-encryption-customer-algorithm") != null);
        return new ObjectInfo(key, size, lastModified, etag, hashes, metadata(header, null));
    }

    /** The metadata in an answer's headers; {@code userMetadata} when the caller has them parsed already. */
    static ObjectMetadata metadata(Function<String, String> header, Map<String, String> userMetadata) {
        return new ObjectMetadata(
                header.apply("content-type"),
                header.apply("content-encoding"),
                header.apply("content-disposition"),
                header.apply("content-language"),
                header.apply("cache-control"),
                userMetadata == null ? Map.of() : userMetadata);
    }

    /** The {@code x-amz-meta-*} headers of {@code headers} (lower-case names) without the prefix. */
    static Map<String, String> userMetadata(Map<String, String> headers) {
        Map<String, String> user = new HashMap<>();
        headers.forEach((name, value) -> {
            if (name.startsWith("x-amz-meta-")) {
                user.put(name.substring("x-amz-meta-".length()), value);
            }
        });
        return user;
    }
}
