package com.atlan.storage.s3;

import com.atlan.storage.s3.http.HttpConnectionPool;
import com.atlan.storage.s3.http.HttpRequest;
import com.atlan.storage.s3.http.HttpResponse;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The hot, simple S3 requests (HEAD, GET with or without a range, single PUT with Content-MD5 from
 * memory or streamed, parts, CopyObject, listing pages) over {@link HttpConnectionPool} with our own SigV4 signing, skipping the SDK's request
 * pipeline, which costs several times the CPU per small request. Addressing, headers and error
 * mapping match what the SDK does for the same store configuration.
 */
final class LeanS3Client implements AutoCloseable {

    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VIRTUAL_HOSTABLE = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    private final S3StoreConfig config;
    private final S3Errors errors;
    private final HttpConnectionPool pool;
    private final SigV4Signer signer;
    private final String basePath;
    private final boolean https;

    LeanS3Client(S3StoreConfig config, S3Errors errors) {
        this.config = config;
        this.errors = errors;
        URI endpoint = config.endpoint() != null ? config.endpoint() : defaultEndpoint(config.region());
        this.https = "https".equals(endpoint.getScheme());
        String prefix =
                endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        String host = endpoint.getHost();
        String bucket = config.bucket();
        // the SDK falls back to path style for bucket names that cannot be a host name label
        if (!config.forcePathStyle() && VIRTUAL_HOSTABLE.matcher(bucket).matches()) {
            host = bucket + "." + host;
            this.basePath = prefix;
        } else {
            this.basePath = prefix + "/" + SigV4Signer.uriEncode(bucket, false);
        }
        int port = endpoint.getPort() >= 0 ? endpoint.getPort() : https ? 443 : 80;
        this.pool =
                new HttpConnectionPool(endpoint.getScheme(), host, port, config.maxConnections(), config.insecureSsl());
        this.signer = new SigV4Signer(config.region());
    }

    /** AWS's regional endpoint, as the SDK resolves it when no endpoint is configured. */
    static URI defaultEndpoint(String region) {
        return URI.create("https://s3." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : ""));
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
        return pool;
    }

    /** The object's metadata, or empty on 404. */
    Optional<ObjectInfo> head(String key) {
        try (HttpResponse response = send("HEAD", key, List.of(), null, 0, "stat")) {
            int status = response.status();
            if (status == 404) return Optional.empty();
            if (status / 100 != 2) throw failure(response, "stat", key);
            return Optional.of(describe(key, parseLength(response.header("content-length")), response));
        } catch (IOException e) {
            throw errors.io(e, "stat", key);
        }
    }

    /**
     * The object's content (or the {@code range}, e.g. {@code bytes=0-9}, when not {@code null}) as a
     * stream over the connection, counting into {@code received}; {@code null} when the range starts
     * at or past the end of the object (416).
     */
    ObjectContent get(String key, String range, LongAdder received) {
        List<String[]> headers = range == null ? List.of() : List.<String[]>of(new String[] {"range", range});
        HttpResponse response = send("GET", key, headers, null, 0, "reading");
        int status = response.status();
        if (status / 100 == 2) {
            long size;
            try {
                size = status == 206
                        ? totalOfContentRange(response.header("content-range"))
                        : parseLength(response.header("content-length"));
            } catch (IOException e) {
                close(response);
                throw errors.io(e, "reading", key);
            }
            return new ObjectContent(new CountingInputStream(response.body(), received), describe(key, size, response));
        }
        if (status == 416 && range != null) {
            close(response);
            return null;
        }
        throw failure(response, "reading", key);
    }

    /**
     * Writes {@code length} bytes of {@code data} with their {@code md5}; returns the ETag, unquoted.
     * {@code md5FromSource}: the MD5 is the one the source declared, not one computed here, so a BadDigest means
     * the bytes read are not the source's.
     */
    String put(String key, byte[] data, int length, byte[] md5, boolean md5FromSource, PutOptions options) {
        try (HttpResponse response = send("PUT", key, putHeaders(md5, options), data, length, "writing")) {
            return putEtag(response, key, md5, md5FromSource);
        } catch (IOException e) {
            throw errors.io(e, "writing", key);
        }
    }

    /**
     * Streams the next {@code length} bytes of {@code data} in one PUT whose Content-MD5 is {@code md5}, the MD5
     * the source declared, so the server stores them only if they have it (BadDigest otherwise); returns the
     * ETag, unquoted. Nothing is buffered, and the request is sent once: a failure is the caller's to retry
     * with a fresh stream.
     */
    String putStreamed(String key, InputStream data, long length, byte[] md5, PutOptions options) {
        try (HttpResponse response = sendOnce("PUT", key, putHeaders(md5, options), data, length, "writing")) {
            return putEtag(response, key, md5, true);
        } catch (IOException e) {
            throw errors.io(e, "writing", key);
        }
    }

    private List<String[]> putHeaders(byte[] md5, PutOptions options) {
        List<String[]> headers = new ArrayList<>(8);
        headers.add(new String[] {"content-md5", Md5.base64(md5)});
        ObjectMetadata m = options.metadata();
        headers.add(
                new String[] {"content-type", m.contentType() == null ? "application/octet-stream" : m.contentType()});
        addIfSet(headers, "content-encoding", m.contentEncoding());
        addIfSet(headers, "content-disposition", m.contentDisposition());
        addIfSet(headers, "content-language", m.contentLanguage());
        addIfSet(headers, "cache-control", m.cacheControl());
        WriteAttributes.apply(
                config,
                v -> headers.add(new String[] {"x-amz-storage-class", v}),
                v -> headers.add(new String[] {"x-amz-server-side-encryption", v}),
                v -> headers.add(new String[] {"x-amz-server-side-encryption-aws-kms-key-id", v}));
        m.user().forEach((k, v) -> headers.add(new String[] {"x-amz-meta-" + k, v}));
        return headers;
    }

    private static void addIfSet(List<String[]> headers, String name, String value) {
        if (value != null) {
            headers.add(new String[] {name, value});
        }
    }

    private String putEtag(HttpResponse response, String key, byte[] md5, boolean md5FromSource) throws IOException {
        if (response.status() / 100 != 2) {
            StorageException failure = failure(response, "writing", key);
            if (md5FromSource && failure instanceof IntegrityException) {
                // BadDigest: what was read is not what the source declared; say so rather than blame the wire
                throw new IntegrityException(
                        config.storeName(),
                        key,
                        "the bytes read for '" + key
                                + "' do not have the MD5 " + Md5.hex(md5) + " its source declared, so "
                                + config.storeName() + " refused them (" + failure.getMessage()
                                + "); nothing was written",
                        failure);
            }
            throw failure;
        }
        response.readBody(ERROR_BODY_LIMIT);
        return Md5.unquote(response.header("etag"));
    }

    /**
     * One page of a ListObjectsV2 listing ({@code encoding-type=url}); {@code null} arguments are left out.
     * The query is canonical: its parameters sorted by name and their values encoded.
     */
    ListPage listPage(String prefix, String startAfter, String delimiter, String continuationToken) {
        TreeMap<String, String> params = new TreeMap<>();
        params.put("list-type", "2");
        params.put("encoding-type", "url");
        if (prefix != null && !prefix.isEmpty()) params.put("prefix", prefix);
        if (startAfter != null && !startAfter.isEmpty()) params.put("start-after", startAfter);
        if (delimiter != null) params.put("delimiter", delimiter);
        if (continuationToken != null) params.put("continuation-token", continuationToken);
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) ->
                query.append(query.isEmpty() ? "" : "&").append(k).append('=').append(SigV4Signer.uriEncode(v, false)));
        String where = prefix == null ? "" : prefix;
        try (HttpResponse response = send("GET", "", query.toString(), List.of(), null, 0, "listing")) {
            if (response.status() / 100 != 2) throw failure(response, "listing", where);
            return ListPageXml.parse(response.body());
        } catch (IOException e) {
            throw errors.io(e, "listing", where);
        } catch (javax.xml.stream.XMLStreamException | RuntimeException e) {
            if (e instanceof StorageException se) throw se;
            throw errors.io(new IOException("unreadable listing: " + e.getMessage(), e), "listing", where);
        }
    }

    /** Uploads part {@code number} of a multipart upload with its {@code md5}; returns the part's ETag, unquoted. */
    String uploadPart(String key, String uploadId, int number, byte[] data, int length, byte[] md5) {
        String query = "partNumber=" + number + "&uploadId=" + SigV4Signer.uriEncode(uploadId, false);
        List<String[]> headers = List.<String[]>of(new String[] {"content-md5", Md5.base64(md5)});
        String operation = "uploading part " + number + " of";
        try (HttpResponse response = send("PUT", key, query, headers, data, length, operation)) {
            if (response.status() / 100 != 2) throw failure(response, operation, key);
            response.readBody(ERROR_BODY_LIMIT);
            return Md5.unquote(response.header("etag"));
        } catch (IOException e) {
            throw errors.io(e, operation, key);
        }
    }

    /** What a CopyObject recorded: the new object's ETag (unquoted) and modification time. */
    record Copied(String etag, Instant lastModified) {}

    /**
     * Copies {@code sourceBucket/key} on the server into this store's bucket under the same key, only if the
     * source still has ETag {@code ifMatch} (412, an {@code IntegrityException}, otherwise). S3 may report a
     * failure inside a 200 response, so the body is read and an {@code <Error>} in it is mapped like any other.
     */
    Copied copy(String sourceBucket, String key, String ifMatch) {
        List<String[]> headers = new ArrayList<>(6);
        headers.add(new String[] {"x-amz-copy-source", "/" + sourceBucket + "/" + SigV4Signer.uriEncode(key, true)});
        headers.add(new String[] {"x-amz-copy-source-if-match", Md5.quote(ifMatch)});
        headers.add(new String[] {"x-amz-metadata-directive", "COPY"});
        WriteAttributes.apply(
                config,
                v -> headers.add(new String[] {"x-amz-storage-class", v}),
                v -> headers.add(new String[] {"x-amz-server-side-encryption", v}),
                v -> headers.add(new String[] {"x-amz-server-side-encryption-aws-kms-key-id", v}));
        String operation = "copying from bucket '" + sourceBucket + "'";
        try (HttpResponse response = send("PUT", key, headers, null, 0, operation)) {
            if (response.status() / 100 != 2) throw failure(response, operation, key);
            String body = new String(response.readBody(ERROR_BODY_LIMIT), java.nio.charset.StandardCharsets.UTF_8);
            S3ErrorXml error = body.contains("<Error>")
                    ? S3ErrorXml.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    : null;
            String etag = element(body, "ETag");
            if (error != null || etag == null) {
                throw errors.map(
                        error != null ? 500 : 502,
                        error != null ? error.code() : null,
                        error != null ? error.message() : "CopyObject answered without an ETag",
                        operation,
                        key,
                        null);
            }
            String modified = element(body, "LastModified");
            Instant lastModified = null;
            if (modified != null) {
                try {
                    lastModified = Instant.parse(modified);
                } catch (DateTimeParseException ignored) {
                    // the copy stands; its time is simply unknown
                }
            }
            return new Copied(Md5.unquote(etag.replace("&quot;", "\"")), lastModified);
        } catch (IOException e) {
            throw errors.io(e, operation, key);
        }
    }

    /** The text of the first {@code <name>} element in a small XML document, or {@code null}. */
    private static String element(String xml, String name) {
        int start = xml.indexOf("<" + name + ">");
        int end = start < 0 ? -1 : xml.indexOf("</" + name + ">", start);
        return end < 0 ? null : xml.substring(start + name.length() + 2, end).trim();
    }

    /**
     * Signs and sends one request, retrying I/O failures and transient statuses up to maxRetries times
     * (as the SDK would); a response of any other status is returned for the caller to map.
     */
    private HttpResponse send(
            String method, String key, List<String[]> extra, byte[] body, int length, String operation) {
        return send(method, key, "", extra, body, length, operation);
    }

    /** {@link #send} with a canonical (sorted, encoded) query string, {@code ""} for none. */
    private HttpResponse send(
            String method, String key, String query, List<String[]> extra, byte[] body, int length, String operation) {
        String path = basePath + "/" + SigV4Signer.uriEncode(key, true);
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt >= config.maxRetries();
            HttpRequest request = sign(method, path, query, extra, body, length, operation, key);
            try {
                HttpResponse response = pool.execute(request);
                if (last || !S3Errors.isTransient(response.status(), null)) {
                    return response;
                }
                close(response);
            } catch (IOException e) {
                if (last) throw errors.io(e, operation, key);
            }
            backOff(attempt, operation, key);
        }
    }

    /**
     * Sends a request with a streamed body once, without the retries of {@link #send}: the stream cannot be
     * rewound. The body goes unsigned (UNSIGNED-PAYLOAD), so {@code extra} must carry its Content-MD5.
     */
    private HttpResponse sendOnce(
            String method, String key, List<String[]> extra, InputStream body, long length, String operation)
            throws IOException {
        String path = basePath + "/" + SigV4Signer.uriEncode(key, true);
        HttpRequest signed = sign(method, path, "", extra, null, 0, operation, key);
        return pool.execute(HttpRequest.streamed(method, signed.target(), signed.headers(), body, length));
    }

    private HttpRequest sign(
            String method,
            String path,
            String query,
            List<String[]> extra,
            byte[] body,
            int length,
            String operation,
            String key) {
        AwsCredentials credentials;
        try {
            credentials = config.credentials().provider().resolveCredentials();
        } catch (SdkException e) {
            throw errors.map(e, operation, key);
        }
        // A body sent with Content-MD5 is protected by it (the server rejects other bytes), so hashing it again
        // with SHA-256 for the signature would only cost CPU; S3 accepts UNSIGNED-PAYLOAD over http and https.
        boolean md5Protected = extra.stream().anyMatch(h -> h[0].equals("content-md5"));
        String payload = https || md5Protected
                ? SigV4Signer.UNSIGNED_PAYLOAD
                : body == null ? SigV4Signer.EMPTY_SHA256 : SigV4Signer.sha256Hex(body, length);
        String amzDate = SigV4Signer.amzDate(System.currentTimeMillis());
        TreeMap<String, String> signed = new TreeMap<>();
        signed.put("host", pool.hostHeader());
        signed.put("x-amz-content-sha256", payload);
        signed.put("x-amz-date", amzDate);
        if (credentials instanceof AwsSessionCredentials session) {
            signed.put("x-amz-security-token", session.sessionToken());
        }
        for (String[] h : extra) signed.put(h[0].toLowerCase(java.util.Locale.ROOT), h[1]);
        String authorization = signer.authorization(
                credentials.accessKeyId(),
                credentials.secretAccessKey(),
                method,
                path,
                query,
                signed,
                payload,
                amzDate);
        List<String[]> headers = new ArrayList<>(signed.size() + 1);
        signed.forEach((k, v) -> {
            if (!k.equals("host")) headers.add(new String[] {k, v});
        });
        headers.add(new String[] {"authorization", authorization});
        return new HttpRequest(method, query.isEmpty() ? path : path + "?" + query, headers, body, length);
    }

    private void backOff(int attempt, String operation, String key) {
        long cap = Math.min(2_000, 100L << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            throw errors.interrupted(operation, key, e);
        }
    }

    /** The typed error for a non-2xx response, read from its XML body; the response is consumed. */
    private StorageException failure(HttpResponse response, String operation, String key) {
        S3ErrorXml error = S3ErrorXml.NONE;
        try {
            error = S3ErrorXml.parse(response.readBody(ERROR_BODY_LIMIT));
        } catch (IOException e) {
            // the status alone decides
        }
        return errors.map(response.status(), error.code(), error.message(), operation, key, null);
    }

    private static void close(HttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is discarded
        }
    }

    private ObjectInfo describe(String key, long size, HttpResponse response) {
        ObjectInfo info =
                S3Objects.fromHeaders(config, key, size, parseDate(response.header("last-modified")), response::header);
        return info.withMetadata(S3Objects.metadata(response::header, S3Objects.userMetadata(response.headers())));
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
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException("no valid Content-Length in the response");
        }
    }

    private static Instant parseDate(String value) {
        if (value == null) return null;
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
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
        pool.close();
    }
}
