package com.atlan.storage.s3;

import com.atlan.storage.s3.http.HttpConnectionPool;
import com.atlan.storage.s3.http.HttpRequest;
import com.atlan.storage.s3.http.HttpResponse;
import com.atlan.storage.store.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * How the lean path reaches a bucket: its address (path style or virtual host, as the SDK resolves it), signing with
 * the SDK's signer ({@link LeanSigner}) and sending over the connection pool, directly or through the SDK's proxy. A
 * request is sent again only when the server refused its signing time (once, with the clock corrected); the pool
 * re-sends one that never reached the server.
 */
final class LeanTransport implements AutoCloseable {

    static final int ERROR_BODY_LIMIT = 64 * 1024;
    /** Stands for a streamed body when signing: present, but not in memory. */
    private static final byte[] STREAMED = new byte[0];

    private static final Pattern VIRTUAL_HOSTABLE = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    private final S3StoreConfig config;
    private final S3Errors errors;
    private final HttpConnectionPool pool;
    private final LeanSigner signer;
    private final String protocol;
    private final String host;
    private final int port;
    private final String basePath;

    LeanTransport(S3StoreConfig config, S3Errors errors, FastPath path) {
        this.config = config;
        this.errors = errors;
        URI endpoint = config.endpoint() != null ? config.endpoint() : defaultEndpoint(config.region());
        this.protocol = endpoint.getScheme();
        boolean https = "https".equals(protocol);
        String prefix =
                endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        String bucket = config.bucket();
        // the SDK falls back to path style for bucket names that cannot be a host name label
        if (!config.forcePathStyle() && VIRTUAL_HOSTABLE.matcher(bucket).matches()) {
            this.host = bucket + "." + endpoint.getHost();
            this.basePath = prefix;
        } else {
            this.host = endpoint.getHost();
            this.basePath = prefix + "/" + SdkHttpUtils.urlEncode(bucket);
        }
        this.port = endpoint.getPort() >= 0 ? endpoint.getPort() : https ? 443 : 80;
        HttpConnectionPool.Proxy proxy = path.proxy() == null
                ? null
                : new HttpConnectionPool.Proxy(
                        path.proxy().host(),
                        path.proxy().port(),
                        path.proxy().username(),
                        path.proxy().password());
        this.pool = new HttpConnectionPool(protocol, host, port, config.maxConnections(), config.insecureSsl(), proxy);
        this.signer = new LeanSigner(config.region());
    }

    /** AWS's regional endpoint, as the SDK resolves it when no endpoint is configured. */
    static URI defaultEndpoint(String region) {
        return URI.create("https://s3." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : ""));
    }

    /** The pool, for tests counting connections. */
    HttpConnectionPool pool() {
        return pool;
    }

    /**
     * Signs and sends one request ({@code key} {@code null} for the bucket itself); a response of any status is
     * returned for the caller to map. A request the server refused for a skewed signing time is signed again with
     * the server's time and sent once more.
     */
    HttpResponse send(
            String method,
            String key,
            Map<String, String> query,
            List<String[]> extra,
            byte[] body,
            int length,
            String operation,
            String errorKey) {
        Call call = new Call(method, key, query, extra, body, length, operation, errorKey);
        for (int attempt = 0; ; attempt++) {
            HttpRequest request = sign(call);
            HttpResponse response;
            try {
                response = pool.execute(request);
            } catch (IOException e) {
                throw errors.io(e, operation, errorKey);
            } catch (RuntimeException e) {
                throw errors.io(new IOException("malformed response: " + e, e), operation, errorKey);
            }
            if (response.status() != 403) {
                return response;
            }
            Refusal refusal;
            try {
                refusal = refusal(response);
            } catch (IOException e) {
                throw errors.io(e, operation, errorKey);
            }
            if (!refusal.clockCorrected() || attempt > 0) {
                return refusal.response();
            }
        }
    }

    /** A 403 read whole, and whether it was about the signing clock, which has then been corrected. */
    private record Refusal(HttpResponse response, boolean clockCorrected) {}

    /**
     * Reads a 403 to see whether it is about the clock: {@code RequestTimeTooSkewed}, or a HEAD's bodiless refusal
     * from a server whose {@code Date} is far from ours. If so the signing clock follows the server's from now on.
     */
    private Refusal refusal(HttpResponse response) throws IOException {
        byte[] error = response.readBody(ERROR_BODY_LIMIT);
        HttpResponse refused = new HttpResponse(response.status(), response.headers(), new ByteArrayInputStream(error));
        String code = S3ErrorXml.parse(error).code();
        String date = response.header("date");
        boolean skewed = "RequestTimeTooSkewed".equals(code) || (code == null && signer.isSkewedFrom(date));
        return new Refusal(refused, skewed && signer.correctClock(date));
    }

    /**
     * Sends a request with a streamed body once: the stream cannot be rewound. The body goes unsigned
     * (UNSIGNED-PAYLOAD), so {@code extra} carries its Content-MD5. A refusal for the clock corrects it for the next
     * attempt, which is the caller's.
     */
    HttpResponse sendOnce(String method, String key, List<String[]> extra, InputStream body, long length)
            throws IOException {
        // signed as a body of unknown bytes behind a Content-MD5: UNSIGNED-PAYLOAD, nothing read to sign it
        HttpRequest signed = sign(new Call(method, key, Map.of(), extra, STREAMED, 0, "writing", key));
        HttpResponse response;
        try {
            response = pool.execute(HttpRequest.streamed(method, signed.target(), signed.headers(), body, length));
        } catch (RuntimeException e) {
            throw new IOException("malformed response: " + e, e);
        }
        // a refusal for the clock corrects it for the caller's next attempt
        return response.status() == 403 ? refusal(response).response() : response;
    }

    /**
     * One request before signing: {@code key} {@code null} for the bucket itself; {@code operation} and
     * {@code errorKey} name it in errors.
     */
    private record Call(
            String method,
            String key,
            Map<String, String> query,
            List<String[]> extra,
            byte[] body,
            int length,
            String operation,
            String errorKey) {}

    private HttpRequest sign(Call call) {
        AwsCredentialsIdentity credentials;
        try {
            credentials = config.credentials().provider().resolveCredentials();
        } catch (SdkException e) {
            throw errors.map(e, call.operation(), call.errorKey());
        }
        String key = call.key();
        String path = key == null ? basePath + "/" : basePath + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        SdkHttpRequest.Builder request =
                LeanSigner.request(call.method(), protocol, host, port).encodedPath(path);
        call.query().forEach(request::appendRawQueryParameter);
        for (String[] h : call.extra()) request.appendHeader(h[0], h[1]);
        SdkHttpRequest signed = signer.sign(request.build(), credentials, call.body(), call.length());
        String target = signed.encodedPath()
                + signed.encodedQueryParameters().map(q -> "?" + q).orElse("");
        return new HttpRequest(call.method(), target, LeanSigner.headers(signed), call.body(), call.length());
    }

    /** The typed error for a non-2xx response, read from its XML body; the response is consumed. */
    StorageException failure(HttpResponse response, String operation, String key) {
        S3ErrorXml error = S3ErrorXml.NONE;
        try {
            error = S3ErrorXml.parse(response.readBody(ERROR_BODY_LIMIT));
        } catch (IOException e) {
            // the status alone decides
        }
        return errors.map(response.status(), error.code(), error.message(), headers(response), operation, key, null);
    }

    /**
     * The body of a 2xx answer whose result is XML (CopyObject, CreateMultipartUpload, CompleteMultipartUpload); an
     * error status, or an {@code <Error>} inside a 200 (S3 sends the status before it knows the outcome), is thrown
     * as the error it reports.
     */
    String resultBody(HttpResponse response, String operation, String key) throws IOException {
        if (response.status() / 100 != 2) throw failure(response, operation, key);
        String body = new String(response.readBody(ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
        if (body.contains("<Error>")) {
            S3ErrorXml error = S3ErrorXml.parse(body.getBytes(StandardCharsets.UTF_8));
            throw errors.map(500, error.code(), error.message(), headers(response), operation, key, null);
        }
        return body;
    }

    private static Map<String, String> headers(HttpResponse response) {
        return response.headers();
    }

    @Override
    public void close() {
        pool.close();
    }
}
