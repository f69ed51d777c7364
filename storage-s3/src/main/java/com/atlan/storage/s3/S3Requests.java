package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The S3 requests a store makes, one method per request, whichever client carries them: {@link SdkS3Requests}
 * (the AWS SDK, the default and the only one for AWS itself) or {@link LeanS3Requests} (a lean HTTP path for an
 * explicit S3-compatible endpoint). A store picks one when it is created ({@link FastPath}); nothing above this
 * interface knows which.
 *
 * <p>Every failure is a mapped {@link com.atlan.storage.store.StorageException}. An implementation sends a request
 * again only when it provably never reached the server (a stale pooled connection) or to correct a clock the
 * server refused; every other retry is the engine's.
 */
interface S3Requests extends AutoCloseable {

    /** HeadObject: the object, or empty on 404. */
    Optional<ObjectInfo> head(String key);

    /**
     * GetObject, whole or the HTTP {@code range} (e.g. {@code bytes=0-9}, {@code null} for all), counting bytes read
     * into {@code received}; {@code null} when the range starts at or past the end of the object (416).
     */
    ObjectContent get(String key, String range, LongAdder received);

    /** PutObject of {@code length} bytes of {@code data} with their {@code md5} as Content-MD5 and extra headers. */
    Written put(String key, byte[] data, int length, byte[] md5, PutOptions options, Map<String, String> checksums);

    /**
     * PutObject streamed from the next {@code length} bytes of {@code data} with Content-MD5 {@code md5} (the MD5 the
     * source declared, so the server refuses other bytes); sent once, since a stream cannot be rewound.
     */
    Written putStreamed(
            String key, InputStream data, long length, byte[] md5, PutOptions options, Map<String, String> checksums);

    /** One ListObjectsV2 page ({@code encoding-type=url}); {@code null} arguments are left out. */
    ListPage listPage(String prefix, String startAfter, String delimiter, String continuationToken);

    /** CreateMultipartUpload with the options' metadata; returns the upload id. */
    String createMultipartUpload(String key, PutOptions options);

    /** UploadPart with its Content-MD5; the answer carries the part's ETag, unquoted. */
    Written uploadPart(String key, String uploadId, int number, byte[] data, int length, byte[] md5);

    /** CompleteMultipartUpload of {@code partEtags} (unquoted, in part order); the ETag may be empty. */
    Written completeMultipartUpload(String key, String uploadId, List<String> partEtags);

    /** AbortMultipartUpload. */
    void abortMultipartUpload(String key, String uploadId);

    /**
     * CopyObject of {@code sourceBucket/key} onto the same key in this store's bucket, keeping the metadata, only if
     * the source still has ETag {@code ifMatch} (when not {@code null}).
     */
    Written copyObject(String sourceBucket, String key, String ifMatch);

    /** UploadPartCopy of bytes {@code first..last} of {@code sourceBucket/key}; returns the part's ETag, unquoted. */
    String uploadPartCopy(
            String sourceBucket, String key, String uploadId, int number, long first, long last, String ifMatch);

    /** DeleteObject. */
    void deleteObject(String key);

    /** One ListMultipartUploads page under {@code prefix}, after the markers ({@code null} for the first page). */
    UploadsPage listMultipartUploads(String prefix, String keyMarker, String uploadIdMarker);

    /** Whether requests go through the lean HTTP path; for logs and tests. */
    boolean lean();

    @Override
    void close();

    /**
     * What a write or copy answered.
     *
     * @param etag         the ETag, unquoted; {@code null} or empty when the answer carried none
     * @param lastModified the time the answer gave, or {@code null}
     * @param headers      the response headers by lower-case name (encryption, checksums)
     */
    record Written(String etag, Instant lastModified, Map<String, String> headers) {
        public Written {
            headers = headers == null ? Map.of() : headers;
        }
    }

    /** One multipart upload in progress. */
    record Upload(String key, String uploadId, Instant initiated) {}

    /**
     * A page of ListMultipartUploads.
     *
     * @param nextKeyMarker      where the next page starts, or {@code null} on the last page
     * @param nextUploadIdMarker where the next page starts within its key
     */
    record UploadsPage(List<Upload> uploads, String nextKeyMarker, String nextUploadIdMarker) {}
}
