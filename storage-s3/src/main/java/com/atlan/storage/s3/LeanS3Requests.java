package com.atlan.storage.s3;

import com.atlan.storage.s3.http.HttpConnectionPool;
import com.atlan.storage.s3.http.HttpResponse;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * {@link S3Requests} for an explicit S3-compatible endpoint over a lean HTTP/1.1 client ({@link HttpConnectionPool})
 * and the SDK's Signature V4 signer ({@link LeanSigner}), both behind {@link LeanTransport}; skipping the SDK's request
 * pipeline, which costs several times the CPU per small request. It carries every request of a usual run (HEAD,
 * GET, PUT, multipart uploads from start to completion or abort, CopyObject, listing pages, and the listing of
 * unfinished uploads every run starts with), so such a run never builds the SDK's client; the rare ones (part copies,
 * deletes) and writes whose metadata does not fit plain ASCII headers go through {@code sdk}, which talks to the same
 * endpoint through the same proxy. Listings are read by {@link LeanListings}, multipart starts, completions and aborts
 * sent by {@link LeanMultipart}.
 *
 * <p>A request is sent again only when it provably never reached the server (the pool re-sends on a new connection)
 * or when the server refused its signing time (then once, with the clock corrected from the server's {@code Date}).
 */
final class LeanS3Requests implements S3Requests {

    private static final int ERROR_BODY_LIMIT = LeanTransport.ERROR_BODY_LIMIT;

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final S3StoreConfig config;
    private final S3Errors errors;
    private final S3Objects objects;
    private final SdkS3Requests sdk;
    private final LeanTransport transport;
    private final LeanListings listings;
    private final LeanMultipart multipart;

    LeanS3Requests(S3StoreConfig config, S3Errors errors, S3Objects objects, FastPath path, SdkS3Requests sdk) {
        this.config = config;
        this.errors = errors;
        this.objects = objects;
        this.sdk = sdk;
        this.transport = new LeanTransport(config, errors, path);
        this.listings = new LeanListings(config, errors, transport);
        this.multipart = new LeanMultipart(errors, transport);
    }

    /** Whether the options fit in plain ASCII headers; other metadata goes through the SDK. */
    static boolean canSend(PutOptions options) {
        ObjectMetadata m = options.metadata();
        for (String value : new String[] {
            m.contentType(), m.contentEncoding(), m.contentDisposition(), m.contentLanguage(), m.cacheControl()
        }) {
            if (!isHeaderSafe(value)) return false;
        }
        for (Map.Entry<String, String> e : m.user().entrySet()) {
            if (!HEADER_NAME.matcher(e.getKey()).matches() || !isHeaderSafe(e.getValue())) return false;
        }
        return true;
    }

    /** The pool, for tests counting connections. */
    HttpConnectionPool pool() {
        return transport.pool();
    }

    @Override
    public boolean lean() {
        return true;
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        try (HttpResponse response = transport.send("HEAD", key, Map.of(), readHeaders(null), null, 0, "stat", key)) {
            int status = response.status();
            if (status == 404) return Optional.empty();
            if (status / 100 != 2) throw transport.failure(response, "stat", key);
            return Optional.of(
                    objects.fromHeaders(key, parseLength(response.header("content-length")), headers(response)));
        } catch (IOException e) {
            throw errors.io(e, "stat", key);
        }
    }

    @Override
    public ObjectContent get(String key, String range, LongAdder received) {
        HttpResponse response = transport.send("GET", key, Map.of(), readHeaders(range), null, 0, "reading", key);
        int status = response.status();
        if (status / 100 == 2) {
            ObjectInfo info;
            try {
                long size = status == 206
                        ? totalOfContentRange(response.header("content-range"))
                        : parseLength(response.header("content-length"));
                info = objects.fromHeaders(key, size, headers(response));
            } catch (IOException | RuntimeException e) {
                close(response);
                throw errors.io(e, "reading", key);
            }
            if (status == 206 && info.size() == 0) {
                // "bytes 0-0/0": a range of an empty object has no bytes, whatever length the server announced
                // (s3rver announces one it never sends)
                close(response);
                return new ObjectContent(InputStream.nullInputStream(), info);
            }
            return new ObjectContent(new CountingInputStream(response.body(), received), info);
        }
        if (status == 416 && range != null) {
            close(response);
            return null;
        }
        throw transport.failure(response, "reading", key);
    }

    private List<String[]> readHeaders(String range) {
        List<String[]> headers = new ArrayList<>(2);
        if (range != null) headers.add(new String[] {"Range", range});
        if (config.checksumMode()) headers.add(new String[] {"x-amz-checksum-mode", "ENABLED"});
        return headers;
    }

    @Override
    public Written put(
            String key, byte[] data, int length, byte[] md5, PutOptions options, Map<String, String> checksums) {
        if (!canSend(options)) {
            return sdk.put(key, data, length, md5, options, checksums);
        }
        try (HttpResponse response = transport.send(
                "PUT", key, Map.of(), putHeaders(md5, options, checksums), data, length, "writing", key)) {
            return written(response, key, md5, options.expectedMd5() != null);
        } catch (IOException e) {
            throw errors.io(e, "writing", key);
        }
    }

    @Override
    public Written putStreamed(
            String key, InputStream data, long length, byte[] md5, PutOptions options, Map<String, String> checksums) {
        if (!canSend(options)) {
            return sdk.putStreamed(key, data, length, md5, options, checksums);
        }
        try (HttpResponse response =
                transport.sendOnce("PUT", key, putHeaders(md5, options, checksums), data, length)) {
            return written(response, key, md5, true);
        } catch (IOException e) {
            throw errors.io(e, "writing", key);
        }
    }

    private List<String[]> putHeaders(byte[] md5, PutOptions options, Map<String, String> checksums) {
        List<String[]> headers = new ArrayList<>(8);
        headers.add(new String[] {"Content-MD5", Md5.base64(md5)});
        metadataHeaders(headers, options);
        checksums.forEach((k, v) -> headers.add(new String[] {k, v}));
        return headers;
    }

    /** The object's metadata and the store's write attributes (storage class, encryption) as headers. */
    private void metadataHeaders(List<String[]> headers, PutOptions options) {
        ObjectMetadata m = options.metadata();
        headers.add(
                new String[] {"Content-Type", m.contentType() == null ? "application/octet-stream" : m.contentType()});
        addIfSet(headers, "Content-Encoding", m.contentEncoding());
        addIfSet(headers, "Content-Disposition", m.contentDisposition());
        addIfSet(headers, "Content-Language", m.contentLanguage());
        addIfSet(headers, "Cache-Control", m.cacheControl());
        writeAttributes(headers);
        m.user().forEach((k, v) -> headers.add(new String[] {"x-amz-meta-" + k, v}));
    }

    private void writeAttributes(List<String[]> headers) {
        WriteAttributes.apply(
                config,
                v -> headers.add(new String[] {"x-amz-storage-class", v}),
                v -> headers.add(new String[] {"x-amz-server-side-encryption", v}),
                v -> headers.add(new String[] {"x-amz-server-side-encryption-aws-kms-key-id", v}));
    }

    private static void addIfSet(List<String[]> headers, String name, String value) {
        if (value != null) {
            headers.add(new String[] {name, value});
        }
    }

    /**
     * The answer to a PUT. {@code md5FromSource}: the MD5 sent is the one the source declared, so a BadDigest means
     * the bytes read are not the source's.
     */
    private Written written(HttpResponse response, String key, byte[] md5, boolean md5FromSource) throws IOException {
        if (response.status() / 100 != 2) {
            StorageException failure = transport.failure(response, "writing", key);
            if (md5FromSource && failure instanceof IntegrityException) {
                // BadDigest: what was read is not what the source declared; say so rather than blame the wire (and
                // read it again: the source's bytes were corrupted on their way)
                throw IntegrityException.inTransit(
                        config.storeName(),
                        key,
                        "the bytes read for '" + key + "' do not have the MD5 " + Md5.hex(md5) + " its source declared,"
                                + " so " + config.storeName() + " refused them (" + failure.getMessage()
                                + "); nothing was written",
                        failure);
            }
            throw failure;
        }
        response.readBody(ERROR_BODY_LIMIT);
        return new Written(Md5.unquote(response.header("etag")), null, headers(response));
    }

    @Override
    public ListPage listPage(String prefix, String startAfter, String delimiter, String continuationToken) {
        return listings.page(prefix, startAfter, delimiter, continuationToken);
    }

    @Override
    public String createMultipartUpload(String key, PutOptions options) {
        if (!canSend(options)) {
            return sdk.createMultipartUpload(key, options);
        }
        List<String[]> headers = new ArrayList<>(8);
        metadataHeaders(headers, options);
        return multipart.create(key, headers);
    }

    @Override
    public Written uploadPart(String key, String uploadId, int number, byte[] data, int length, byte[] md5) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("partNumber", Integer.toString(number));
        query.put("uploadId", uploadId);
        List<String[]> headers = List.<String[]>of(new String[] {"Content-MD5", Md5.base64(md5)});
        String operation = "uploading part " + number + " of";
        try (HttpResponse response = transport.send("PUT", key, query, headers, data, length, operation, key)) {
            if (response.status() / 100 != 2) throw transport.failure(response, operation, key);
            response.readBody(ERROR_BODY_LIMIT);
            return new Written(Md5.unquote(response.header("etag")), null, headers(response));
        } catch (IOException e) {
            throw errors.io(e, operation, key);
        }
    }

    @Override
    public Written completeMultipartUpload(String key, String uploadId, List<String> partEtags) {
        return multipart.complete(key, uploadId, partEtags);
    }

    @Override
    public void abortMultipartUpload(String key, String uploadId) {
        multipart.abort(key, uploadId);
    }

    /**
     * CopyObject. S3 may report a failure inside a 200 response, so the body is read and an {@code <Error>} in it is
     * mapped like any other.
     */
    @Override
    public Written copyObject(String sourceBucket, String key, String ifMatch) {
        List<String[]> headers = new ArrayList<>(6);
        headers.add(new String[] {
            "x-amz-copy-source",
            "/" + SdkHttpUtils.urlEncode(sourceBucket) + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key)
        });
        if (ifMatch != null) headers.add(new String[] {"x-amz-copy-source-if-match", Md5.quote(ifMatch)});
        headers.add(new String[] {"x-amz-metadata-directive", "COPY"});
        writeAttributes(headers);
        String operation = "copying from bucket '" + sourceBucket + "'";
        try (HttpResponse response = transport.send("PUT", key, Map.of(), headers, null, 0, operation, key)) {
            String body = transport.resultBody(response, operation, key);
            String etag = S3ErrorXml.element(body, "ETag");
            if (etag == null) {
                throw errors.map(
                        502, null, "CopyObject answered without an ETag", headers(response), operation, key, null);
            }
            Instant lastModified = null;
            String modified = S3ErrorXml.element(body, "LastModified");
            if (modified != null) {
                try {
                    lastModified = Instant.parse(modified);
                } catch (DateTimeParseException ignored) {
                    // the copy stands; its time is simply unknown
                }
            }
            return new Written(Md5.unquote(etag), lastModified, headers(response));
        } catch (IOException e) {
            throw errors.io(e, operation, key);
        }
    }

    @Override
    public String uploadPartCopy(
            String sourceBucket, String key, String uploadId, int number, long first, long last, String ifMatch) {
        return sdk.uploadPartCopy(sourceBucket, key, uploadId, number, first, last, ifMatch);
    }

    @Override
    public void deleteObject(String key) {
        sdk.deleteObject(key);
    }

    @Override
    public UploadsPage listMultipartUploads(String prefix, String keyMarker, String uploadIdMarker) {
        return listings.uploads(prefix, keyMarker, uploadIdMarker);
    }

    private static Map<String, String> headers(HttpResponse response) {
        return response.headers();
    }

    private static void close(HttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is discarded
        }
    }

    /** The total of a {@code Content-Range: bytes a-b/total} header. */
    private static long totalOfContentRange(String value) throws IOException {
        int slash = value == null ? -1 : value.lastIndexOf('/');
        if (slash < 0) {
            throw new IOException("no valid Content-Range in the partial response");
        }
        return parseLength(value.substring(slash + 1).trim());
    }

    private static long parseLength(String value) throws IOException {
        try {
            long n = Long.parseLong(value == null ? "" : value.trim());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("no valid Content-Length in the response");
        }
    }

    private static boolean isHeaderSafe(String s) {
        if (s == null) return true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) return false;
        }
        return true;
    }

    @Override
    public void close() {
        transport.close();
        sdk.close();
    }
}
