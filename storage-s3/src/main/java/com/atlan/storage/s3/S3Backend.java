package com.atlan.storage.s3;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.MetadataField;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.TransientStorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * An S3 bucket (AWS or an S3-compatible server) as an {@link Backend}. Create it through
 * {@link S3StoreProvider}; it is safe for concurrent use and meant to be called from virtual threads.
 */
public final class S3Backend implements Backend {

    private static final Logger LOG = LoggerFactory.getLogger(S3Backend.class);

    private final S3StoreConfig config;
    private final LazyS3Client clients;
    private final S3Client client;
    private final S3Errors errors;
    private final ByteBudget budget;
    private final MultipartUploader uploader;
    private final MultipartCopier copier;
    /** The lean HTTP path for HEAD, GET and single PUT; {@code null} when metadata fastPath is off. */
    private final LeanS3Client lean;
    /** Objects up to this size are buffered outside the byte budget. */
    static final int SMALL_OBJECT = 256 * 1024;

    private final LongAdder sent = new LongAdder();
    private final LongAdder received = new LongAdder();

    S3Backend(S3StoreConfig config) {
        this.config = config;
        this.clients = new LazyS3Client(() -> S3ClientFactory.create(config));
        this.client = clients.client();
        this.errors = new S3Errors(config);
        this.budget = new ByteBudget(config.byteBudget(), (int) config.partSize());
        this.copier = new MultipartCopier(client, config, errors);
        this.lean = config.fastPath() ? new LeanS3Client(config, errors) : null;
        this.uploader = new MultipartUploader(client, lean, config, budget, errors, sent);
    }

    /** The SDK client, for tests that need calls the SPI does not make. */
    S3Client clientForTests() {
        return client;
    }

    /** Whether the SDK client has been built (it is built on its first call); for tests. */
    boolean sdkClientBuilt() {
        return clients.built();
    }

    /** The lean client, or {@code null} when fastPath is off; for tests. */
    LeanS3Client leanClient() {
        return lean;
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

    /**
     * MD5s where entity tags are ones ({@link S3Objects}), checked on write (Content-MD5, or hashed here for
     * multipart uploads), the standard content headers and user metadata, code point order (AWS's; other servers
     * may differ), and server-side copies between stores of one endpoint, region and identity.
     */
    @Override
    public Features features() {
        return new Features(
                Set.of(HashKind.MD5),
                Set.of(HashKind.MD5),
                false,
                EnumSet.allOf(MetadataField.class),
                ListingOrder.CODE_POINT,
                "s3 " + config.endpointIdentity() + " " + config.region() + " "
                        + config.credentials().identity(),
                false,
                false);
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        return S3Listing.stream(
                        config.parallelListing()
                                ? new FanOutListing(client, lean, errors, config.bucket(), prefix, startAfter)
                                : new S3Listing(client, lean, errors, config.bucket(), prefix, startAfter))
                .map(entry -> S3Objects.listed(config, entry));
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        if (lean != null) {
            return lean.head(key);
        }
        try {
            HeadObjectResponse head =
                    client.headObject(b -> b.bucket(config.bucket()).key(key));
            return Optional.of(describe(key, head.contentLength(), head.lastModified(), head.sdkHttpResponse()));
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw errors.map(e, "stat", key);
        } catch (SdkException e) {
            throw errors.map(e, "stat", key);
        }
    }

    /** An object as the headers of a HEAD or GET answer through the SDK describe it. */
    private ObjectInfo describe(
            String key, long size, java.time.Instant lastModified, software.amazon.awssdk.http.SdkHttpResponse http) {
        java.util.function.Function<String, String> header =
                name -> http.firstMatchingHeader(name).orElse(null);
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        http.headers().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
        return S3Objects.fromHeaders(config, key, size, lastModified, header)
                .withMetadata(S3Objects.metadata(header, S3Objects.userMetadata(headers)));
    }

    @Override
    public ObjectContent open(String key) {
        return get(key, null);
    }

    @Override
    public ObjectContent open(String key, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must be >= 0: " + offset + ", " + length);
        }
        if (length == 0) {
            return emptyRead(key);
        }
        long last = offset + length - 1 < 0 ? Long.MAX_VALUE : offset + length - 1;
        return get(key, "bytes=" + offset + "-" + last);
    }

    /** The object's content, or the HTTP {@code range} of it when not {@code null}. */
    private ObjectContent get(String key, String range) {
        if (lean != null) {
            // no SDK request object here: building one costs more CPU than the lean request itself
            ObjectContent body = lean.get(key, range, received);
            return body == null ? emptyRead(key) : body; // null: the range starts past the end
        }
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(config.bucket()).key(key);
        if (range != null) request.range(range);
        try {
            var response = client.getObject(request.build());
            GetObjectResponse got = response.response();
            long size = got.contentRange() != null
                    ? Long.parseLong(
                            got.contentRange().substring(got.contentRange().lastIndexOf('/') + 1))
                    : got.contentLength();
            return new ObjectContent(
                    new S3ReadStream(response, received),
                    describe(key, size, got.lastModified(), got.sdkHttpResponse()));
        } catch (AwsServiceException e) {
            if (e.statusCode() == 416 && range != null) {
                return emptyRead(key); // the range starts at or past the end of the object
            }
            throw errors.map(e, "reading", key);
        } catch (SdkException e) {
            throw errors.map(e, "reading", key);
        }
    }

    /** No bytes of an object that exists: a range past its end, or of length zero. */
    private ObjectContent emptyRead(String key) {
        ObjectInfo info = stat(key)
                .orElseThrow(() -> new ObjectNotFoundException(name(), key, "no object '" + key + "' in " + name()));
        return new ObjectContent(InputStream.nullInputStream(), info);
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0: " + length);
        }
        if (length > config.multipartThreshold()) {
            String expected = options.expectedMd5();
            if (expected == null) {
                return uploader.upload(key, data, length, options);
            }
            if (lean != null && LeanS3Client.canSend(options) && length <= config.streamedPutLimit()) {
                return putStreamed(key, data, length, options);
            }
            return uploadChecked(key, data, length, options);
        }
        if (length <= SMALL_OBJECT) {
            // Small buffers stay outside the budget (at most transfers x 256 KiB), so small objects never
            // queue behind the parts of large uploads that hold it.
            return putSingle(key, data, new byte[(int) length], (int) length, options);
        }
        byte[] buffer;
        try {
            buffer = budget.take((int) length);
        } catch (InterruptedException e) {
            throw errors.interrupted("writing", key, e);
        }
        try {
            return putSingle(key, data, buffer, (int) length, options);
        } finally {
            budget.give(buffer);
        }
    }

    private ObjectInfo putSingle(String key, InputStream data, byte[] buffer, int length, PutOptions options) {
        int read;
        try {
            read = MultipartUploader.readFully(data, buffer, length);
        } catch (IOException e) {
            throw new TransientStorageException(name(), key, "reading the source of '" + key + "' failed: " + e, e);
        }
        if (read < length) {
            throw errors.shortSource(key, read, length);
        }
        String expected = options.expectedMd5();
        boolean leanPut = lean != null && LeanS3Client.canSend(options);
        byte[] md5;
        if (expected != null && leanPut) {
            md5 = Md5.fromHex(expected); // sent as Content-MD5: the server checks the bytes, no hashing here
        } else {
            md5 = Md5.of(buffer, length);
            if (expected != null && !Md5.hex(md5).equalsIgnoreCase(expected)) {
                throw errors.notTheDeclaredMd5(key, Md5.hex(md5), expected, "nothing was written");
            }
        }
        String etag = leanPut
                ? lean.put(key, buffer, length, md5, expected != null, options)
                : putWithSdk(key, buffer, length, md5, options);
        sent.add(length);
        if (config.etagsAreMd5() && !Md5.hex(md5).equals(etag)) {
            throw errors.mismatch(key, "the ETag", Md5.hex(md5), etag);
        }
        return written(key, length, null, etag);
    }

    /**
     * One PUT streamed straight from {@code data}, with the MD5 the source declared as its Content-MD5: no
     * buffer, no hashing here, and the server stores the bytes only if they have that MD5.
     */
    private ObjectInfo putStreamed(String key, InputStream data, long length, PutOptions options) {
        String expected = options.expectedMd5();
        String etag = lean.putStreamed(key, data, length, Md5.fromHex(expected), options);
        sent.add(length);
        if (config.etagsAreMd5() && !expected.equalsIgnoreCase(etag)) {
            throw errors.mismatch(key, "the ETag", expected, etag);
        }
        return written(key, length, null, etag);
    }

    /**
     * A multipart upload whose bytes must have the expected MD5: hashed as they pass, and the object deleted
     * again when they do not (a multipart ETag is no MD5 the server could have checked).
     */
    private ObjectInfo uploadChecked(String key, InputStream data, long length, PutOptions options) {
        MessageDigest md5 = Md5.digest();
        ObjectInfo written = uploader.upload(key, new DigestInputStream(data, md5), length, options);
        String actual = Md5.hex(md5.digest());
        if (!actual.equalsIgnoreCase(options.expectedMd5())) {
            try {
                delete(key);
            } catch (RuntimeException e) {
                LOG.warn("could not delete the bad copy of '{}' in {}: {}", key, name(), e.getMessage());
            }
            throw errors.notTheDeclaredMd5(key, actual, options.expectedMd5(), "the copy was deleted");
        }
        return written;
    }

    /** What a write or copy recorded, with the MD5 its entity tag is where it is one. */
    private ObjectInfo written(String key, long size, java.time.Instant lastModified, String etag) {
        return new ObjectInfo(key, size, lastModified, etag, S3Objects.hashes(config, etag, null, false), null);
    }

    private String putWithSdk(String key, byte[] buffer, int length, byte[] md5, PutOptions options) {
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(config.bucket())
                .key(key)
                .contentLength((long) length)
                .contentMD5(Md5.base64(md5))
                .contentType(
                        options.metadata().contentType() == null
                                ? "application/octet-stream"
                                : options.metadata().contentType())
                .contentEncoding(options.metadata().contentEncoding())
                .contentDisposition(options.metadata().contentDisposition())
                .contentLanguage(options.metadata().contentLanguage())
                .cacheControl(options.metadata().cacheControl())
                .metadata(options.metadata().user());
        WriteAttributes.apply(config, request::storageClass, request::serverSideEncryption, request::ssekmsKeyId);
        RequestBody body = RequestBody.fromContentProvider(
                () -> new ByteArrayInputStream(buffer, 0, length),
                length,
                request.build().contentType());
        var response = errors.call("writing", key, () -> client.putObject(request.build(), body));
        return Md5.unquote(response.eTag());
    }

    @Override
    public boolean delete(String key) {
        // S3 deletes are idempotent and say nothing about what existed, so ask first.
        if (stat(key).isEmpty()) {
            return false;
        }
        errors.call(
                "deleting",
                key,
                () -> client.deleteObject(b -> b.bucket(config.bucket()).key(key)));
        return true;
    }

    /** Copies with CopyObject up to {@code copyThreshold} (5 GiB), with parallel UploadPartCopy above. */
    @Override
    public ObjectInfo copyFrom(Backend source, ObjectInfo object) {
        if (!(source instanceof S3Backend from) || !features().canCopyFrom(source.features())) {
            throw new UnsupportedOperationException(name() + " cannot copy server side from " + source.name());
        }
        String sourceBucket = from.bucket();
        String key = object.key();
        if (lean != null && object.etag() != null && object.size() <= config.copyThreshold()) {
            LeanS3Client.Copied copied = lean.copy(sourceBucket, key, object.etag());
            // If-Match pinned the listed version, so the copy has its size: no HEAD needed.
            return written(key, object.size(), copied.lastModified(), copied.etag());
        }
        if (object.size() <= config.copyThreshold()) {
            CopyObjectRequest.Builder request = CopyObjectRequest.builder()
                    .sourceBucket(sourceBucket)
                    .sourceKey(key)
                    .destinationBucket(config.bucket())
                    .destinationKey(key)
                    .metadataDirective(MetadataDirective.COPY);
            if (object.etag() != null) request.copySourceIfMatch(Md5.quote(object.etag()));
            WriteAttributes.apply(config, request::storageClass, request::serverSideEncryption, request::ssekmsKeyId);
            var result = errors.call(
                            "copying from " + source.name() + " bucket '" + sourceBucket + "'",
                            key,
                            () -> client.copyObject(request.build()))
                    .copyObjectResult();
            if (object.etag() != null && result != null && result.eTag() != null) {
                // If-Match pinned the listed version, so the copy has its size: no HEAD needed, which
                // halves the requests of small-object copies.
                return written(key, object.size(), result.lastModified(), Md5.unquote(result.eTag()));
            }
        } else {
            copier.copy(sourceBucket, key, object.size(), object.etag());
        }
        ObjectInfo copied =
                stat(key).orElseThrow(() -> errors.mismatch(key, "the copied object", "present", "missing"));
        if (copied.size() != object.size()) {
            throw errors.mismatch(
                    key, "the size of the copy", Long.toString(object.size()), Long.toString(copied.size()));
        }
        return copied;
    }

    @Override
    public void close() {
        if (lean != null) lean.close();
        clients.close();
    }

    @Override
    public String toString() {
        return "S3Backend[" + config + "]";
    }
}
