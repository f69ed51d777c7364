package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PartPipeline;
import com.atlan.storage.store.PutOptions;
import java.util.List;

/**
 * Copies an object too large for one CopyObject as a multipart upload of UploadPartCopy ranges, in parallel; the bytes
 * stay on the server. UploadPartCopy does not carry metadata, so the upload is created with the source's. A failed or
 * interrupted copy is aborted on the server.
 */
final class MultipartCopier {

    private final S3Requests requests;
    private final S3StoreConfig config;
    private final S3Errors errors;

    MultipartCopier(S3Requests requests, S3StoreConfig config, S3Errors errors) {
        this.requests = requests;
        this.config = config;
        this.errors = errors;
    }

    /**
     * Copies {@code sourceBucket/key} of {@code size} bytes to this store's bucket under the same key with
     * {@code metadata}; {@code etag} (may be {@code null}) pins every range to the version that was listed.
     */
    void copy(String sourceBucket, String key, long size, String etag, ObjectMetadata metadata) {
        long partSize = MultipartUploader.partSize(size, config.copyPartSize());
        int partCount = (int) Math.ceilDiv(size, partSize);
        String uploadId = requests.createMultipartUpload(key, PutOptions.DEFAULT.withMetadata(metadata));
        boolean completed = false;
        try {
            List<String> parts = copyParts(sourceBucket, key, uploadId, size, partSize, partCount, etag);
            requests.completeMultipartUpload(key, uploadId, parts);
            completed = true;
        } finally {
            if (!completed) {
                MultipartUploader.abort(requests, config, key, uploadId);
            }
        }
    }

    private List<String> copyParts(
            String sourceBucket, String key, String uploadId, long size, long partSize, int partCount, String etag) {
        PartPipeline parts = new PartPipeline(config.partConcurrency(), errors, "copying", key, PartPipeline::rethrown);
        return parts.run(partCount, index -> {
            long first = index * partSize;
            long last = Math.min(size, first + partSize) - 1;
            return requests.uploadPartCopy(sourceBucket, key, uploadId, index + 1, first, last, etag);
        });
    }
}
