package com.atlan.storage.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

/**
 * Copies an object too large for one CopyObject as a multipart upload of UploadPartCopy ranges, in
 * parallel; the bytes stay on the server. A failed copy is aborted on the server.
 */
final class MultipartCopier {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartCopier.class);

    private final S3Client client;
    private final S3StoreConfig config;
    private final S3Errors errors;

    MultipartCopier(S3Client client, S3StoreConfig config, S3Errors errors) {
        this.client = client;
        this.config = config;
        this.errors = errors;
    }

    /**
     * Copies {@code sourceBucket/key} of {@code size} bytes to this store's bucket under the same key;
     * {@code etag} (may be {@code null}) pins every range to the version that was listed.
     */
    void copy(String sourceBucket, String key, long size, String etag) {
        long partSize = MultipartUploader.partSize(size, config.copyPartSize());
        int partCount = (int) Math.ceilDiv(size, partSize);
        CreateMultipartUploadRequest.Builder create =
                CreateMultipartUploadRequest.builder().bucket(config.bucket()).key(key);
        WriteAttributes.apply(config, create::storageClass, create::serverSideEncryption, create::ssekmsKeyId);
        String uploadId = errors.call(
                        "starting multipart copy of", key, () -> client.createMultipartUpload(create.build()))
                .uploadId();
        boolean completed = false;
        try {
            List<CompletedPart> parts = copyParts(sourceBucket, key, uploadId, size, partSize, partCount, etag);
            errors.call(
                    "completing multipart copy of",
                    key,
                    () -> client.completeMultipartUpload(b -> b.bucket(config.bucket())
                            .key(key)
                            .uploadId(uploadId)
                            .multipartUpload(m -> m.parts(parts))));
            completed = true;
        } finally {
            if (!completed) {
                try {
                    client.abortMultipartUpload(
                            b -> b.bucket(config.bucket()).key(key).uploadId(uploadId));
                } catch (SdkException e) {
                    LOG.warn(
                            "could not abort multipart copy {} of '{}' in {}: {}",
                            uploadId,
                            key,
                            config.storeName(),
                            e.toString());
                }
            }
        }
    }

    private List<CompletedPart> copyParts(
            String sourceBucket, String key, String uploadId, long size, long partSize, int partCount, String etag) {
        Semaphore window = new Semaphore(config.partConcurrency());
        List<Future<CompletedPart>> futures = new ArrayList<>(partCount);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                for (int number = 1; number <= partCount; number++) {
                    long first = (number - 1) * partSize;
                    long last = Math.min(size, first + partSize) - 1;
                    int partNumber = number;
                    window.acquire();
                    futures.add(pool.submit(() -> {
                        try {
                            var response = errors.call(
                                    "copying part " + partNumber + " of",
                                    key,
                                    () -> client.uploadPartCopy(b -> {
                                        b.sourceBucket(sourceBucket)
                                                .sourceKey(key)
                                                .destinationBucket(config.bucket())
                                                .destinationKey(key)
                                                .uploadId(uploadId)
                                                .partNumber(partNumber)
                                                .copySourceRange("bytes=" + first + "-" + last);
                                        if (etag != null) b.copySourceIfMatch(Md5.quote(etag));
                                    }));
                            return CompletedPart.builder()
                                    .partNumber(partNumber)
                                    .eTag(response.copyPartResult().eTag())
                                    .build();
                        } finally {
                            window.release();
                        }
                    }));
                }
                List<CompletedPart> parts = new ArrayList<>(partCount);
                for (Future<CompletedPart> f : futures) {
                    parts.add(f.get());
                }
                return parts;
            } catch (InterruptedException e) {
                pool.shutdownNow();
                throw errors.interrupted("copying", key, e);
            } catch (ExecutionException e) {
                pool.shutdownNow();
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }
}
