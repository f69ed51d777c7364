package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Writes a large object as a multipart upload: parts are read one after another from the source into
 * buffers from the store's {@link ByteBudget} and uploaded in parallel on virtual threads.
 *
 * <p>Integrity: every part carries its Content-MD5, its returned ETag must equal its MD5, the final
 * ETag must equal the MD5 of the part MD5s plus {@code -N}, and the object's size is checked with a
 * HEAD. Any failure aborts the upload on the server, so no invisible parts are left behind.
 */
final class MultipartUploader {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploader.class);
    private static final int MAX_PARTS = 10_000;

    private final S3Client client;
    /** Uploads parts without the SDK's per-request cost; {@code null} when the store's fastPath is off. */
    private final LeanS3Client lean;

    private final S3StoreConfig config;
    private final ByteBudget budget;
    private final S3Errors errors;
    private final LongAdder sent;

    MultipartUploader(
            S3Client client,
            LeanS3Client lean,
            S3StoreConfig config,
            ByteBudget budget,
            S3Errors errors,
            LongAdder sent) {
        this.lean = lean;
        this.client = client;
        this.config = config;
        this.budget = budget;
        this.errors = errors;
        this.sent = sent;
    }

    /** The part size for an object: the configured size, grown in whole MiB so there are at most 10,000 parts. */
    static long partSize(long length, long configured) {
        long needed = Math.ceilDiv(length, MAX_PARTS);
        long mib = S3StoreConfig.MiB;
        return Math.max(configured, Math.ceilDiv(needed, mib) * mib);
    }

    ObjectInfo upload(String key, InputStream data, long length, PutOptions options) {
        long partSize = partSize(length, config.partSize());
        if (partSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("object of " + length + " bytes is too large for buffered multipart");
        }
        int partCount = (int) Math.ceilDiv(length, partSize);
        String uploadId = create(key, options);
        boolean completed = false;
        try {
            List<byte[]> digests = new ArrayList<>(partCount);
            List<CompletedPart> parts = uploadParts(key, uploadId, data, length, (int) partSize, partCount, digests);
            CompleteMultipartUploadResponse done = errors.call(
                    "completing upload of",
                    key,
                    () -> client.completeMultipartUpload(b -> b.bucket(config.bucket())
                            .key(key)
                            .uploadId(uploadId)
                            .multipartUpload(m -> m.parts(parts))));
            completed = true;
            String etag = Md5.unquote(done.eTag());
            String expected = Md5.multipartEtag(digests);
            if (config.etagsAreMd5() && !expected.equals(etag)) {
                throw errors.mismatch(key, "the multipart ETag", expected, etag);
            }
            return verifySize(key, length);
        } finally {
            if (!completed) {
                abort(key, uploadId);
            }
        }
    }

    private List<CompletedPart> uploadParts(
            String key,
            String uploadId,
            InputStream data,
            long length,
            int partSize,
            int partCount,
            List<byte[]> digests) {
        List<Future<PartResult>> futures = new ArrayList<>(partCount);
        Semaphore window = new Semaphore(config.partConcurrency());
        AtomicBoolean failed = new AtomicBoolean();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                long offset = 0;
                for (int number = 1; number <= partCount && !failed.get(); number++) {
                    int size = (int) Math.min(partSize, length - offset);
                    window.acquire();
                    byte[] buffer;
                    try {
                        buffer = budget.take(partSize);
                    } catch (InterruptedException e) {
                        window.release();
                        throw e;
                    }
                    int read;
                    try {
                        read = readFully(data, buffer, size);
                    } catch (IOException e) {
                        budget.give(buffer);
                        window.release();
                        throw new com.atlan.storage.store.TransientStorageException(
                                config.storeName(),
                                key,
                                "reading the source of '" + key + "' failed after " + offset + " bytes: " + e,
                                e);
                    }
                    if (read < size) {
                        budget.give(buffer);
                        window.release();
                        throw errors.shortSource(key, offset + read, length);
                    }
                    offset += size;
                    int partNumber = number;
                    futures.add(pool.submit(() -> {
                        try {
                            return uploadPart(key, uploadId, partNumber, buffer, size);
                        } catch (RuntimeException e) {
                            failed.set(true);
                            throw e;
                        } finally {
                            budget.give(buffer);
                            window.release();
                        }
                    }));
                }
                List<CompletedPart> parts = new ArrayList<>(partCount);
                for (Future<PartResult> future : futures) {
                    PartResult result = future.get();
                    parts.add(result.part());
                    digests.add(result.md5());
                }
                return parts;
            } catch (InterruptedException e) {
                pool.shutdownNow();
                throw errors.interrupted("uploading", key, e);
            } catch (ExecutionException e) {
                pool.shutdownNow();
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (RuntimeException e) {
                pool.shutdownNow();
                throw e;
            }
        }
    }

    private record PartResult(CompletedPart part, byte[] md5) {}

    private PartResult uploadPart(String key, String uploadId, int number, byte[] buffer, int size) {
        byte[] md5 = Md5.of(buffer, size);
        CompletedPart.Builder part = CompletedPart.builder().partNumber(number);
        String etag;
        if (lean != null) {
            etag = lean.uploadPart(key, uploadId, number, buffer, size, md5);
            part.eTag(Md5.quote(etag));
        } else {
            RequestBody body = RequestBody.fromContentProvider(
                    () -> new ByteArrayInputStream(buffer, 0, size), size, "application/octet-stream");
            UploadPartResponse response = errors.call(
                    "uploading part " + number + " of",
                    key,
                    () -> client.uploadPart(
                            b -> b.bucket(config.bucket())
                                    .key(key)
                                    .uploadId(uploadId)
                                    .partNumber(number)
                                    .contentLength((long) size)
                                    .contentMD5(Md5.base64(md5)),
                            body));
            etag = Md5.unquote(response.eTag());
            part.eTag(response.eTag())
                    .checksumCRC32(response.checksumCRC32())
                    .checksumCRC32C(response.checksumCRC32C())
                    .checksumCRC64NVME(response.checksumCRC64NVME())
                    .checksumSHA1(response.checksumSHA1())
                    .checksumSHA256(response.checksumSHA256());
        }
        sent.add(size);
        if (config.etagsAreMd5() && !Md5.hex(md5).equals(etag)) {
            throw errors.mismatch(key, "the ETag of part " + number, Md5.hex(md5), etag);
        }
        return new PartResult(part.build(), md5);
    }

    private String create(String key, PutOptions options) {
        CreateMultipartUploadRequest.Builder request = CreateMultipartUploadRequest.builder()
                .bucket(config.bucket())
                .key(key)
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
        return errors.call("starting multipart upload of", key, () -> client.createMultipartUpload(request.build()))
                .uploadId();
    }

    private ObjectInfo verifySize(String key, long length) {
        var head = errors.call(
                "checking",
                key,
                () -> client.headObject(b -> b.bucket(config.bucket()).key(key)));
        if (head.contentLength() == null || head.contentLength() != length) {
            throw errors.mismatch(key, "the size", Long.toString(length), String.valueOf(head.contentLength()));
        }
        return new ObjectInfo(key, length, head.lastModified(), Md5.unquote(head.eTag()));
    }

    private void abort(String key, String uploadId) {
        try {
            client.abortMultipartUpload(b -> b.bucket(config.bucket()).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            LOG.warn(
                    "could not abort multipart upload {} of '{}' in {}; a bucket lifecycle rule should remove it: {}",
                    uploadId,
                    key,
                    config.storeName(),
                    e.toString());
        }
    }

    /** Reads until {@code size} bytes or the end of the stream; returns how many were read. */
    static int readFully(InputStream in, byte[] buffer, int size) throws IOException {
        int total = 0;
        while (total < size) {
            int n = in.read(buffer, total, size - total);
            if (n < 0) break;
            total += n;
        }
        return total;
    }
}
