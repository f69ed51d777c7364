package com.atlan.storage.s3;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ByteBudget;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.MetadataField;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.PutOptions;
import java.io.InputStream;
import java.net.URI;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * An S3 bucket (AWS or an S3-compatible server) as an {@link Backend}. Create it through {@link S3StoreProvider}; it
 * is safe for concurrent use and meant to be called from virtual threads. Its requests go through one
 * {@link S3Requests}, chosen when the store is created ({@link FastPath}).
 */
public final class S3Backend implements Backend {

    /** Objects up to this size are buffered outside the byte budget. */
    static final int SMALL_OBJECT = 256 * 1024;

    private final S3StoreConfig config;
    private final S3Errors errors;
    private final S3Objects objects;
    private final SdkS3Requests sdk;
    private final S3Requests requests;
    private final ByteBudget budget;
    private final WriteCheck check;
    private final MultipartUploader uploader;
    private final MultipartCopier copier;
    private final UrlSigner signer;
    private final Features features;

    private final LongAdder sent = new LongAdder();
    private final LongAdder received = new LongAdder();

    S3Backend(S3StoreConfig config) {
        this(config, FastPath.decide(config));
    }

    S3Backend(S3StoreConfig config, FastPath path) {
        this.config = config;
        this.errors = new S3Errors(config);
        this.objects = new S3Objects(config);
        this.sdk = new SdkS3Requests(config, errors, objects, path);
        this.requests = path.lean() ? new LeanS3Requests(config, errors, objects, path, sdk) : sdk;
        this.budget = new ByteBudget(config.byteBudget(), (int) config.partSize());
        this.check = new WriteCheck(requests, config.storeName());
        this.uploader = new MultipartUploader(requests, config, objects, budget, errors, check, sent);
        this.copier = new MultipartCopier(requests, config, errors);
        this.signer = new UrlSigner(config, errors);
        this.features = features(config);
    }

    /**
     * MD5s where entity tags are ones ({@link S3Objects}) and, with checksum mode, full-object CRC32C and CRC64NVME;
     * MD5 checked on write (Content-MD5, or hashed here for multipart uploads); the standard content headers and user
     * metadata; the listing order of the server; server-side copies between stores of one endpoint, region and
     * identity; presigned GET URLs, so stores that copy from URLs (Azure) copy from S3 without this process.
     */
    private static Features features(S3StoreConfig config) {
        Set<HashKind> hashes = config.checksumMode()
                ? EnumSet.of(HashKind.MD5, HashKind.CRC32C, HashKind.CRC64NVME)
                : EnumSet.of(HashKind.MD5);
        return new Features(
                hashes,
                Set.of(HashKind.MD5),
                false,
                EnumSet.allOf(MetadataField.class),
                config.listingOrder(),
                "s3 " + config.endpointIdentity() + " " + config.region() + " "
                        + config.credentials().identity(),
                true,
                false);
    }

    /** The requests this store makes; for tests. */
    S3Requests requests() {
        return requests;
    }

    /** The SDK requests (the SDK client is built on first use); for tests that make calls the store does not. */
    SdkS3Requests sdk() {
        return sdk;
    }

    @Override
    public String name() {
        return config.storeName();
    }

    /** The bucket this store reads and writes. */
    public String bucket() {
        return config.bucket();
    }

    /** The budget bounding this store's upload buffers, for metrics. */
    public ByteBudget byteBudget() {
        return budget;
    }

    /** Object bytes sent to the server by {@link #put} since the store was created. */
    public long bytesUploaded() {
        return sent.sum();
    }

    /** Object bytes read from the server through {@link #open} since the store was created. */
    public long bytesDownloaded() {
        return received.sum();
    }

    @Override
    public Features features() {
        return features;
    }

    /**
     * Fans out over folders where the server's delimiter listings are trusted ({@code parallelListing}) and its order
     * is known; otherwise one flat listing. A store with no known order gets {@code startAfter} filtered by the
     * caller, never sent to a server whose idea of "after" is unknown.
     */
    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        ListingOrder order = config.listingOrder();
        if (order == ListingOrder.UNORDERED) {
            return listFlat(prefix, null);
        }
        if (!config.parallelListing()) {
            return listFlat(prefix, startAfter);
        }
        return S3Listing.stream(new FanOutListing(requests, errors, order.comparator(), prefix, startAfter))
                .filter(S3Objects::isObject)
                .map(objects::listed);
    }

    /** One plain ListObjectsV2 listing, page after page, in the server's order. */
    @Override
    public Stream<ObjectInfo> listFlat(String prefix, String startAfter) {
        String after = config.listingOrder() == ListingOrder.UNORDERED ? null : startAfter;
        return S3Listing.stream(new S3Listing(requests, errors, prefix, after))
                .filter(S3Objects::isObject)
                .map(objects::listed);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return requests.head(key);
    }

    @Override
    public ObjectContent open(String key) {
        return get(key, null);
    }

    @Override
    public ObjectContent open(String key, long offset, long length) {
        Backend.checkRange(offset, length);
        if (length == 0) {
            return ObjectContent.empty(this, key);
        }
        long last = offset + length - 1 < 0 ? Long.MAX_VALUE : offset + length - 1;
        return get(key, "bytes=" + offset + "-" + last);
    }

    private ObjectContent get(String key, String range) {
        ObjectContent body = requests.get(key, range, received);
        return body == null ? ObjectContent.empty(this, key) : body; // null: the range starts past the end
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
        Backend.checkLength(length);
        if (length > config.multipartThreshold()) {
            String expected = options.expectedMd5();
            if (expected == null) {
                return uploader.upload(key, data, length, options);
            }
            if (length <= config.streamedPutLimit()) {
                return putStreamed(key, data, length, options);
            }
            return uploadChecked(key, data, length, options);
        }
        if (length <= SMALL_OBJECT) {
            // Small buffers stay outside the budget (at most transfers x 256 KiB), so small objects never
            // queue behind the parts of large uploads that hold it.
            return putSingle(key, data, new byte[(int) length], (int) length, options);
        }
        return budget.lend((int) length, errors, key, buffer -> putSingle(key, data, buffer, (int) length, options));
    }

    private ObjectInfo putSingle(String key, InputStream data, byte[] buffer, int length, PutOptions options) {
        errors.readSource(key, data, buffer, length, 0, length);
        String expected = options.expectedMd5();
        // the MD5 the source declared goes out as Content-MD5: the server checks the bytes, nothing is hashed here
        byte[] md5 = expected != null ? Md5.fromHex(expected) : Md5.of(buffer, length);
        S3Requests.Written written = requests.put(key, buffer, length, md5, options, checksums(options));
        sent.add(length);
        return checked(key, length, Md5.hex(md5), written);
    }

    /**
     * One PUT streamed straight from {@code data}, with the MD5 the source declared as its Content-MD5: no buffer, no
     * hashing here, and the server stores the bytes only if they have that MD5.
     */
    private ObjectInfo putStreamed(String key, InputStream data, long length, PutOptions options) {
        String expected = options.expectedMd5();
        S3Requests.Written written =
                requests.putStreamed(key, data, length, Md5.fromHex(expected), options, checksums(options));
        sent.add(length);
        return checked(key, length, expected.toLowerCase(java.util.Locale.ROOT), written);
    }

    /** The checksums the source declared, sent where the server checks them (checksum mode). */
    private Map<String, String> checksums(PutOptions options) {
        return config.checksumMode() ? S3Objects.checksumHeaders(options.expected()) : Map.of();
    }

    /**
     * What a single PUT recorded, after comparing its ETag with the MD5 sent where the answer says the ETag is one; a
     * mismatch deletes the object.
     */
    private ObjectInfo checked(String key, long length, String md5Hex, S3Requests.Written written) {
        String etag = written.etag();
        if (objects.etagIsMd5(etag, written.headers()) && !md5Hex.equals(etag)) {
            throw check.discard(key, errors.mismatch(key, "the ETag", md5Hex, etag));
        }
        return new ObjectInfo(key, length, written.lastModified(), etag, objects.hashes(etag, written.headers()), null);
    }

    /**
     * A multipart upload whose bytes must have the expected MD5: hashed as they pass, and the object deleted again when
     * they do not (a multipart ETag is no MD5 the server could have checked).
     */
    private ObjectInfo uploadChecked(String key, InputStream data, long length, PutOptions options) {
        MessageDigest md5 = Md5.digest();
        ObjectInfo written = uploader.upload(key, new DigestInputStream(data, md5), length, options);
        String actual = Md5.hex(md5.digest());
        if (!actual.equalsIgnoreCase(options.expectedMd5())) {
            throw check.discard(
                    key, errors.notTheDeclared(key, "MD5", actual, options.expectedMd5(), "it was written"));
        }
        // a server that gives multipart objects the whole object's MD5 as their ETag (s3rver) is checked by it
        if (S3Objects.hasMd5Form(written.etag()) && objects.etagsMayBeMd5() && !actual.equals(written.etag())) {
            throw check.discard(key, errors.mismatch(key, "the ETag", actual, written.etag()));
        }
        return written;
    }

    @Override
    public boolean delete(String key) {
        // S3 deletes are idempotent and say nothing about what existed, so ask first.
        if (stat(key).isEmpty()) {
            return false;
        }
        requests.deleteObject(key);
        return true;
    }

    /**
     * What a CopyObject answered "no such key" means: the source's object is gone (that error), or, when the source
     * still holds it, a server that cannot name this key as a copy source (s3rver decodes the header with
     * {@code decodeURI}, so a key with {@code +} is never found): then the object is streamed instead.
     */
    private static RuntimeException unlessSourceHolds(S3Backend from, String key, ObjectNotFoundException e) {
        if (from.stat(key).isEmpty()) {
            return e;
        }
        return new UnsupportedOperationException(
                "the server could not find '" + key + "' as a copy source though it lists and serves it", e);
    }

    /**
     * Copies with CopyObject up to {@code copyThreshold} (5 GiB), with parallel UploadPartCopy above; both keep the
     * object's metadata (CopyObject copies it, a multipart copy is created with the source's).
     */
    @Override
    public ObjectInfo copyFrom(Backend source, ObjectInfo object) {
        if (!(source instanceof S3Backend from) || !features().canCopyFrom(source.features())) {
            throw new UnsupportedOperationException(name() + " cannot copy server side from " + source.name());
        }
        String sourceBucket = from.bucket();
        String key = object.key();
        if (object.size() <= config.copyThreshold()) {
            S3Requests.Written copied;
            try {
                copied = requests.copyObject(sourceBucket, key, object.etag());
            } catch (ObjectNotFoundException e) {
                throw unlessSourceHolds(from, key, e);
            }
            if (object.etag() != null && copied.etag() != null && !copied.etag().isEmpty()) {
                // If-Match pinned the listed version, so the copy has its size: no HEAD needed, which halves the
                // requests of small-object copies.
                return new ObjectInfo(
                        key,
                        object.size(),
                        copied.lastModified(),
                        copied.etag(),
                        objects.hashes(copied.etag(), copied.headers()),
                        null);
            }
        } else {
            ObjectMetadata metadata = from.stat(key)
                    .map(ObjectInfo::metadata)
                    .orElseThrow(() -> new ObjectNotFoundException(
                            source.name(), key, "no object '" + key + "' in " + source.name() + " to copy"));
            copier.copy(sourceBucket, key, object.size(), object.etag(), metadata);
        }
        ObjectInfo copied = stat(key).orElse(null);
        IntegrityException problem = copied == null
                ? errors.mismatch(key, "the copied object", "present", "missing")
                : copied.size() != object.size()
                        ? errors.mismatch(
                                key, "the size of the copy", Long.toString(object.size()), Long.toString(copied.size()))
                        : null;
        if (problem != null) {
            throw copied == null ? problem : check.discard(key, problem);
        }
        return copied;
    }

    /**
     * A SigV4-presigned GET URL, signed here without a request.
     *
     * @throws IllegalArgumentException when {@code validFor} is not positive or is longer than 7 days, the longest S3
     *     accepts
     */
    @Override
    public Optional<URI> presignRead(String key, Duration validFor) {
        return Optional.of(signer.presignGet(key, validFor));
    }

    /** Aborts the multipart uploads under {@code prefix} started before {@code initiatedBefore}. */
    @Override
    public int abortIncompleteWrites(String prefix, Instant initiatedBefore) {
        return IncompleteUploads.abort(requests, config, prefix, initiatedBefore);
    }

    @Override
    public void close() {
        signer.close();
        requests.close();
    }

    @Override
    public String toString() {
        return "S3Backend[" + config + ", " + (requests.lean() ? "lean" : "sdk") + "]";
    }
}
