package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * {@link S3Requests} through the AWS SDK's sync client: the path for AWS itself and for every configuration the lean
 * path cannot honour (see {@link FastPath}). The client is built on its first request ({@link LazyS3Client}).
 */
final class SdkS3Requests implements S3Requests {

    private final S3StoreConfig config;
    private final S3Errors errors;
    private final S3Objects objects;
    private final LazyS3Client clients;
    private final S3Client client;

    SdkS3Requests(S3StoreConfig config, S3Errors errors, S3Objects objects, FastPath path) {
        this.config = config;
        this.errors = errors;
        this.objects = objects;
        this.clients = new LazyS3Client(() -> S3ClientFactory.create(config, path.proxy()));
        this.client = clients.client();
    }

    /** The SDK client (built on first use), for tests that make calls the store does not. */
    S3Client client() {
        return client;
    }

    /** Whether the SDK client has been built. */
    boolean built() {
        return clients.built();
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        HeadObjectRequest.Builder request =
                HeadObjectRequest.builder().bucket(config.bucket()).key(key);
        if (config.checksumMode()) request.checksumMode(ChecksumMode.ENABLED);
        try {
            HeadObjectResponse head = client.headObject(request.build());
            return Optional.of(objects.fromHeaders(
                    key, head.contentLength() == null ? 0 : head.contentLength(), Headers.of(head.sdkHttpResponse())));
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw errors.map(e, "stat", key);
        } catch (SdkException e) {
            throw errors.map(e, "stat", key);
        }
    }

    @Override
    public ObjectContent get(String key, String range, LongAdder received) {
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(config.bucket()).key(key);
        if (range != null) request.range(range);
        if (config.checksumMode()) request.checksumMode(ChecksumMode.ENABLED);
        try {
            var response = client.getObject(request.build());
            GetObjectResponse got = response.response();
            long size = got.contentRange() != null
                    ? Long.parseLong(
                            got.contentRange().substring(got.contentRange().lastIndexOf('/') + 1))
                    : got.contentLength();
            ObjectInfo info = objects.fromHeaders(key, size, Headers.of(got.sdkHttpResponse()));
            if (got.contentRange() != null && size == 0) {
                // "bytes 0-0/0": a range of an empty object has no bytes, whatever length the server announced
                response.abort();
                return new ObjectContent(InputStream.nullInputStream(), info);
            }
            return new ObjectContent(new S3ReadStream(response, received), info);
        } catch (AwsServiceException e) {
            if (e.statusCode() == 416 && range != null) {
                return null; // the range starts at or past the end of the object
            }
            throw errors.map(e, "reading", key);
        } catch (SdkException e) {
            throw errors.map(e, "reading", key);
        } catch (NumberFormatException e) {
            throw errors.io(e, "reading", key);
        }
    }

    @Override
    public Written put(
            String key, byte[] data, int length, byte[] md5, PutOptions options, Map<String, String> checksums) {
        PutObjectRequest request = putRequest(key, length, md5, options, checksums);
        RequestBody body = RequestBody.fromContentProvider(
                () -> new ByteArrayInputStream(data, 0, length), length, request.contentType());
        var response = errors.call("writing", key, () -> client.putObject(request, body));
        return new Written(Md5.unquote(response.eTag()), null, Headers.of(response.sdkHttpResponse()));
    }

    @Override
    public Written putStreamed(
            String key, InputStream data, long length, byte[] md5, PutOptions options, Map<String, String> checksums) {
        PutObjectRequest request = putRequest(key, length, md5, options, checksums);
        var response =
                errors.call("writing", key, () -> client.putObject(request, RequestBody.fromInputStream(data, length)));
        return new Written(Md5.unquote(response.eTag()), null, Headers.of(response.sdkHttpResponse()));
    }

    private PutObjectRequest putRequest(
            String key, long length, byte[] md5, PutOptions options, Map<String, String> checksums) {
        ObjectMetadata m = options.metadata();
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(config.bucket())
                .key(key)
                .contentLength(length)
                .contentMD5(Md5.base64(md5))
                .contentType(m.contentType() == null ? "application/octet-stream" : m.contentType())
                .contentEncoding(m.contentEncoding())
                .contentDisposition(m.contentDisposition())
                .contentLanguage(m.contentLanguage())
                .cacheControl(m.cacheControl())
                .metadata(m.user())
                .checksumCRC32C(checksums.get("x-amz-checksum-crc32c"))
                .checksumCRC64NVME(checksums.get("x-amz-checksum-crc64nvme"));
        WriteAttributes.apply(config, request::storageClass, request::serverSideEncryption, request::ssekmsKeyId);
        return request.build();
    }

    @Override
    public ListPage listPage(String prefix, String startAfter, String delimiter, String continuationToken) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
                .bucket(config.bucket())
                // url encoding lets keys with characters XML 1.0 cannot carry come back intact; the SDK decodes them
                .encodingType(EncodingType.URL);
        if (prefix != null && !prefix.isEmpty()) request.prefix(prefix);
        if (startAfter != null && !startAfter.isEmpty()) request.startAfter(startAfter);
        if (delimiter != null) request.delimiter(delimiter);
        if (continuationToken != null) request.continuationToken(continuationToken);
        String where = prefix == null ? "" : prefix;
        ListObjectsV2Response response;
        try {
            response = client.listObjectsV2(request.build());
        } catch (AwsServiceException e) {
            throw errors.map(e, "listing", where);
        } catch (SdkException e) {
            throw errors.map(e, "listing", where);
        }
        if (response.name() == null) {
            // every ListBucketResult names its bucket: this was some other document (a web page, a login page)
            String type = response.sdkHttpResponse()
                    .firstMatchingHeader("Content-Type")
                    .orElse("no content type");
            throw errors.notS3(
                    "listing '" + where + "' in " + config.storeName() + " (bucket '" + config.bucket() + "')",
                    "HTTP " + response.sdkHttpResponse().statusCode() + " with a body that is not a ListBucketResult ("
                            + type + ")",
                    null);
        }
        return new ListPage(
                response.contents().stream()
                        .map(o -> new ObjectInfo(
                                o.key(), o.size() == null ? 0 : o.size(), o.lastModified(), Md5.unquote(o.eTag())))
                        .toList(),
                response.commonPrefixes().stream()
                        .map(software.amazon.awssdk.services.s3.model.CommonPrefix::prefix)
                        .toList(),
                Boolean.TRUE.equals(response.isTruncated()),
                response.nextContinuationToken());
    }

    @Override
    public String createMultipartUpload(String key, PutOptions options) {
        ObjectMetadata m = options.metadata();
        CreateMultipartUploadRequest.Builder request = CreateMultipartUploadRequest.builder()
                .bucket(config.bucket())
                .key(key)
                .contentType(m.contentType() == null ? "application/octet-stream" : m.contentType())
                .contentEncoding(m.contentEncoding())
                .contentDisposition(m.contentDisposition())
                .contentLanguage(m.contentLanguage())
                .cacheControl(m.cacheControl())
                .metadata(m.user());
        WriteAttributes.apply(config, request::storageClass, request::serverSideEncryption, request::ssekmsKeyId);
        return errors.call("starting multipart upload of", key, () -> client.createMultipartUpload(request.build()))
                .uploadId();
    }

    @Override
    public Written uploadPart(String key, String uploadId, int number, byte[] data, int length, byte[] md5) {
        RequestBody body = RequestBody.fromContentProvider(
                () -> new ByteArrayInputStream(data, 0, length), length, "application/octet-stream");
        var response = errors.call(
                "uploading part " + number + " of",
                key,
                () -> client.uploadPart(
                        b -> b.bucket(config.bucket())
                                .key(key)
                                .uploadId(uploadId)
                                .partNumber(number)
                                .contentLength((long) length)
                                .contentMD5(Md5.base64(md5)),
                        body));
        return new Written(Md5.unquote(response.eTag()), null, Headers.of(response.sdkHttpResponse()));
    }

    @Override
    public Written completeMultipartUpload(String key, String uploadId, List<String> partEtags) {
        List<CompletedPart> parts = new java.util.ArrayList<>(partEtags.size());
        for (int i = 0; i < partEtags.size(); i++) {
            parts.add(CompletedPart.builder()
                    .partNumber(i + 1)
                    .eTag(Md5.quote(partEtags.get(i)))
                    .build());
        }
        var done = errors.call(
                "completing upload of",
                key,
                () -> client.completeMultipartUpload(b ->
                        b.bucket(config.bucket()).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
        return new Written(Md5.unquote(done.eTag()), null, Headers.of(done.sdkHttpResponse()));
    }

    @Override
    public void abortMultipartUpload(String key, String uploadId) {
        errors.call(
                "aborting upload of",
                key,
                () -> client.abortMultipartUpload(
                        b -> b.bucket(config.bucket()).key(key).uploadId(uploadId)));
    }

    @Override
    public Written copyObject(String sourceBucket, String key, String ifMatch) {
        CopyObjectRequest.Builder request = CopyObjectRequest.builder()
                .sourceBucket(sourceBucket)
                .sourceKey(key)
                .destinationBucket(config.bucket())
                .destinationKey(key)
                .metadataDirective(MetadataDirective.COPY);
        if (ifMatch != null) request.copySourceIfMatch(Md5.quote(ifMatch));
        WriteAttributes.apply(config, request::storageClass, request::serverSideEncryption, request::ssekmsKeyId);
        var response = errors.call(
                "copying from bucket '" + sourceBucket + "'", key, () -> client.copyObject(request.build()));
        var result = response.copyObjectResult();
        return new Written(
                result == null ? null : Md5.unquote(result.eTag()),
                result == null ? null : result.lastModified(),
                Headers.of(response.sdkHttpResponse()));
    }

    @Override
    public String uploadPartCopy(
            String sourceBucket, String key, String uploadId, int number, long first, long last, String ifMatch) {
        var response = errors.call(
                "copying part " + number + " of",
                key,
                () -> client.uploadPartCopy(b -> {
                    b.sourceBucket(sourceBucket)
                            .sourceKey(key)
                            .destinationBucket(config.bucket())
                            .destinationKey(key)
                            .uploadId(uploadId)
                            .partNumber(number)
                            .copySourceRange("bytes=" + first + "-" + last);
                    if (ifMatch != null) b.copySourceIfMatch(Md5.quote(ifMatch));
                }));
        return Md5.unquote(response.copyPartResult().eTag());
    }

    @Override
    public void deleteObject(String key) {
        errors.call(
                "deleting",
                key,
                () -> client.deleteObject(b -> b.bucket(config.bucket()).key(key)));
    }

    @Override
    public UploadsPage listMultipartUploads(String prefix, String keyMarker, String uploadIdMarker) {
        ListMultipartUploadsResponse response = errors.call(
                "listing unfinished uploads under",
                prefix,
                () -> client.listMultipartUploads(b -> b.bucket(config.bucket())
                        .prefix(prefix == null || prefix.isEmpty() ? null : prefix)
                        .keyMarker(keyMarker)
                        .uploadIdMarker(uploadIdMarker)));
        List<Upload> uploads = response.uploads().stream()
                .map(u -> new Upload(u.key(), u.uploadId(), u.initiated()))
                .toList();
        boolean more = Boolean.TRUE.equals(response.isTruncated());
        return new UploadsPage(
                uploads, more ? response.nextKeyMarker() : null, more ? response.nextUploadIdMarker() : null);
    }

    @Override
    public boolean lean() {
        return false;
    }

    @Override
    public void close() {
        clients.close();
    }
}
