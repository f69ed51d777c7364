package com.atlan.storage.s3;

import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PartsMd5;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What S3 answers say about an object, as {@link ObjectInfo}: the one place that decides when an entity tag is an MD5
 * of the content, per store. An ETag is an MD5 only when it has MD5's form (32 hex digits, no {@code -N} part count)
 * and nothing says the object is encrypted in a way that changes it:
 *
 * <ul>
 *   <li>the answer's {@code x-amz-server-side-encryption} is {@code aws:kms} or {@code aws:kms:dsse}, or it carries
 *       {@code x-amz-server-side-encryption-customer-algorithm} (SSE-C);
 *   <li>the component writes with KMS ({@code serverSideEncryption});
 *   <li>an earlier answer of this store showed such encryption on an object this store did not ask to encrypt: the
 *       bucket's default encryption is KMS, so every later listing is treated as opaque.
 * </ul>
 *
 * <p>Listings say nothing of encryption, so their ETags count as MD5s only where a bucket's default encryption cannot
 * be KMS unnoticed: never on AWS itself (KMS by default is common there; reads and HEADs still report the MD5 per
 * object from their headers), and elsewhere until the store learns otherwise.
 *
 * <p>With checksum mode ({@code x-amz-checksum-mode: ENABLED}) AWS also answers full-object CRC32C and CRC64NVME
 * checksums; those are reported as hashes too (composite, per-part ones are not).
 */
final class S3Objects {

    private static final Logger LOG = LoggerFactory.getLogger(S3Objects.class);

    private final String store;
    private final boolean writesWithKms;
    private final boolean listingsVouch;
    private volatile boolean bucketEncryptsOpaquely;

    S3Objects(S3StoreConfig config) {
        this.store = config.storeName();
        this.writesWithKms = !config.etagsAreMd5();
        this.listingsVouch = !config.isAws();
    }

    /** Whether this store's ETags can be MD5s at all: it does not write with KMS and has seen no such encryption. */
    boolean etagsMayBeMd5() {
        return !writesWithKms && !bucketEncryptsOpaquely;
    }

    /**
     * Whether a listed entry is an object rather than a folder marker: a zero-byte key ending in {@code /}, which
     * consoles and tools create to show an empty folder. Markers hold no data and no store key can end in {@code /}, so
     * they are left out (a key ending in {@code /} that holds bytes is kept, to fail loudly where it cannot be
     * written).
     */
    static boolean isObject(ObjectInfo entry) {
        return entry.size() != 0 || !entry.key().endsWith("/");
    }

    /** Whether listings may be taken to carry MD5s (false once opaque encryption was seen). */
    boolean listingsCarryMd5() {
        return listingsVouch && !writesWithKms && !bucketEncryptsOpaquely;
    }

    /** An object from a listing entry: its ETag counts as an MD5 only while {@link #listingsCarryMd5()}. */
    ObjectInfo listed(ObjectInfo entry) {
        if (!listingsCarryMd5()) {
            return entry;
        }
        if (hasMd5Form(entry.etag())) {
            return entry.withHashes(Hashes.of(HashKind.MD5, entry.etag()));
        }
        if (PartsMd5.partCount(entry.etag()) > 0) {
            return entry.withHashes(Hashes.of(HashKind.MD5_OF_PARTS, entry.etag()));
        }
        return entry;
    }

    /**
     * The hashes an answer's headers vouch for (its ETag when it is an MD5, and full-object checksums); learns the
     * bucket's encryption from them.
     */
    Hashes hashes(String etag, Map<String, String> headers) {
        Hashes hashes = checksums(headers);
        if (etagIsMd5(etag, headers)) {
            return hashes.with(HashKind.MD5, etag);
        }
        if (!encryptedOpaquely(headers) && !writesWithKms && PartsMd5.partCount(etag) > 0) {
            return hashes.with(HashKind.MD5_OF_PARTS, etag);
        }
        return hashes;
    }

    /** Whether {@code etag} from an answer with these headers is the content's MD5; learns encryption from them. */
    boolean etagIsMd5(String etag, Map<String, String> headers) {
        boolean opaque = encryptedOpaquely(headers);
        if (opaque && !writesWithKms && !bucketEncryptsOpaquely) {
            bucketEncryptsOpaquely = true;
            LOG.debug(
                    "{}: objects are encrypted with KMS or a customer key, so their ETags are not MD5s;"
                            + " listings of this store are no longer taken to carry MD5s",
                    store);
        }
        return !opaque && !writesWithKms && hasMd5Form(etag);
    }

    /** An object from the headers of a HEAD or GET answer; {@code size} is the whole object's size. */
    ObjectInfo fromHeaders(String key, long size, Map<String, String> headers) {
        String etag = Md5.unquote(headers.get("etag"));
        return new ObjectInfo(
                key, size, parseHttpDate(headers.get("last-modified")), etag, hashes(etag, headers), metadata(headers));
    }

    /** The full-object checksums of an answer (checksum mode), as hashes. */
    static Hashes checksums(Map<String, String> headers) {
        if ("COMPOSITE".equalsIgnoreCase(headers.get("x-amz-checksum-type"))) {
            return Hashes.none();
        }
        Hashes hashes = Hashes.none();
        hashes = withChecksum(hashes, HashKind.CRC32C, headers.get("x-amz-checksum-crc32c"), 4);
        return withChecksum(hashes, HashKind.CRC64NVME, headers.get("x-amz-checksum-crc64nvme"), 8);
    }

    private static Hashes withChecksum(Hashes hashes, HashKind kind, String base64, int bytes) {
        if (base64 == null || base64.contains("-")) {
            return hashes; // "-N": a checksum of part checksums, not of the content
        }
        try {
            byte[] value = Base64.getDecoder().decode(base64.trim());
            return value.length == bytes ? hashes.with(kind, HexFormat.of().formatHex(value)) : hashes;
        } catch (IllegalArgumentException e) {
            return hashes;
        }
    }

    /** The checksum header values (base64) for the hashes the source declared, to send with a single PUT. */
    static Map<String, String> checksumHeaders(Hashes expected) {
        Map<String, String> headers = new HashMap<>(2);
        expected.get(HashKind.CRC32C).ifPresent(hex -> headers.put("x-amz-checksum-crc32c", base64OfHex(hex)));
        expected.get(HashKind.CRC64NVME).ifPresent(hex -> headers.put("x-amz-checksum-crc64nvme", base64OfHex(hex)));
        return headers;
    }

    private static String base64OfHex(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    /** Whether the answer says the object is encrypted so that its ETag is no MD5 (KMS, DSSE-KMS, SSE-C). */
    static boolean encryptedOpaquely(Map<String, String> headers) {
        String sse = headers.get("x-amz-server-side-encryption");
        return (sse != null && sse.toLowerCase(Locale.ROOT).startsWith("aws:kms"))
                || headers.containsKey("x-amz-server-side-encryption-customer-algorithm");
    }

    /** Whether {@code etag} looks like an MD5: 32 hex digits (multipart ETags end in {@code -N}). */
    static boolean hasMd5Form(String etag) {
        return etag != null && etag.length() == 32 && Hashes.isHex(etag);
    }

    /** The metadata in an answer's headers (lower-case names). */
    static ObjectMetadata metadata(Map<String, String> headers) {
        Map<String, String> user = new HashMap<>();
        headers.forEach((name, value) -> {
            if (name.startsWith("x-amz-meta-")) {
                user.put(name.substring("x-amz-meta-".length()), value);
            }
        });
        return new ObjectMetadata(
                headers.get("content-type"),
                headers.get("content-encoding"),
                headers.get("content-disposition"),
                headers.get("content-language"),
                headers.get("cache-control"),
                user);
    }

    /** An HTTP date ({@code Last-Modified}, {@code Date}), or {@code null} when absent or malformed. */
    static Instant parseHttpDate(String value) {
        if (value == null) return null;
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
