package com.atlan.storage.s3;

import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.store.StoreErrors;
import com.atlan.storage.store.TransientStorageException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Maps S3 failures, from the SDK or the lean path, onto the SPI's typed errors, with messages that name the store,
 * the bucket, the endpoint, the key and (for refused credentials) where the credentials came from, never their
 * values. Throttling (503 SlowDown, 429) is a throttled {@link TransientStorageException} carrying the server's
 * {@code Retry-After}; failures that will hit every object (a missing bucket, rejected credentials) are store-wide.
 */
final class S3Errors extends StoreErrors {

    /** Credentials rejected as such: every request of the store will fail alike. */
    private static final Set<String> CREDENTIAL_CODES = Set.of(
            "InvalidAccessKeyId",
            "SignatureDoesNotMatch",
            "ExpiredToken",
            "InvalidToken",
            "TokenRefreshRequired",
            "AllAccessDisabled",
            "AccountProblem",
            "InvalidSecurity");

    private static final Set<String> THROTTLING_CODES = Set.of(
            "SlowDown",
            "Throttling",
            "ThrottlingException",
            "RequestLimitExceeded",
            "TooManyRequests",
            "TooManyRequestsException",
            "RequestThrottled",
            "ProvisionedThroughputExceededException");
    private static final Set<String> TRANSIENT_CODES = Set.of(
            "RequestTimeout",
            "InternalError",
            "ServiceUnavailable",
            "OperationAborted",
            // the signing clock has been corrected from the server's Date: the next attempt is signed right
            "RequestTimeTooSkewed");
    /** Bytes that arrived other than they were sent: corrupted on the way, so sending them again may succeed. */
    private static final Set<String> IN_TRANSIT_CODES =
            Set.of("BadDigest", "IncompleteBody", "XAmzContentSHA256Mismatch");

    private static final Set<String> INTEGRITY_CODES =
            Set.of("InvalidDigest", "InvalidPart", "InvalidPartOrder", "EntityTooSmall");
    private static final Set<String> REGION_CODES =
            Set.of("PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException");

    private final String bucket;
    private final String endpoint;
    private final String credentialSource;

    S3Errors(S3StoreConfig config) {
        super(config.storeName(), "bucket '" + config.bucket() + "'");
        this.bucket = config.bucket();
        this.endpoint = config.endpoint() != null ? config.endpoint().toString() : "AWS S3 (" + config.region() + ")";
        this.credentialSource = config.credentials().source();
    }

    /** The endpoint as messages name it. */
    String endpoint() {
        return endpoint;
    }

    /** The typed error for {@code e}, raised while doing {@code operation} on {@code key} (may be {@code null}). */
    StorageException map(SdkException e, String operation, String key) {
        if (e instanceof AwsServiceException se) {
            var details = se.awsErrorDetails();
            Map<String, String> headers = Map.of();
            if (details != null && details.sdkHttpResponse() != null) {
                headers = Headers.of(details.sdkHttpResponse());
            }
            return map(
                    se.statusCode(),
                    details == null ? null : details.errorCode(),
                    details == null ? null : details.errorMessage(),
                    headers,
                    operation,
                    key,
                    e);
        }
        if (e instanceof SdkClientException
                && e.getMessage() != null
                && e.getMessage().contains("Unable to load credentials")) {
            return new StorageConfigException(
                    store,
                    "no credentials for component '" + store + "': set metadata"
                            + " accessKey and secretKey or configure " + credentialSource,
                    e);
        }
        // resets, timeouts, refused connections, truncated bodies: worth another try by the engine
        return io(e, operation, key);
    }

    /**
     * The typed error for a failure to talk to the server at all: refused, unreachable, unknown host, untrusted TLS,
     * timeouts, resets, malformed answers. Transient, except what only a configuration change can fix.
     */
    StorageException io(Exception e, String operation, String key) {
        String what = describe(operation, key);
        Throwable root = rootOf(e, SSLHandshakeException.class, CertificateException.class);
        if (root != null) {
            return new StorageConfigException(
                    store,
                    what + " failed: the TLS certificate of " + endpoint + " is not trusted (" + rootMessage(e)
                            + "); add its CA to a trust store (ATLAN_STORAGE_JAVA_OPTS=\"-Djavax.net.ssl.trustStore=...\")"
                            + " or, for a test server only, set metadata insecureSSL: \"true\" of component '" + store
                            + "'",
                    e);
        }
        if (rootOf(e, UnknownHostException.class) != null) {
            return new StorageConfigException(
                    store,
                    what + " failed: the host of " + endpoint + " is unknown; check metadata 'endpoint' of component '"
                            + store + "'",
                    e);
        }
        String detail;
        if (rootOf(e, ConnectException.class, NoRouteToHostException.class) != null) {
            detail = "cannot connect to " + endpoint + " (" + rootMessage(e)
                    + "); is the server running, and is metadata 'endpoint' of component '" + store + "' right?";
        } else if (rootOf(e, SocketTimeoutException.class) != null) {
            detail = endpoint + " did not answer in time (" + rootMessage(e)
                    + "); is metadata 'endpoint' of component '" + store + "' right, and the server reachable?";
        } else if (rootOf(e, SSLException.class) != null) {
            detail = "TLS with " + endpoint + " failed (" + rootMessage(e) + ")";
        } else {
            detail = "talking to " + endpoint + " failed: " + rootMessage(e);
        }
        return new TransientStorageException(store, key, what + " failed: " + detail, e);
    }

    /**
     * The typed error for an S3 error response: HTTP {@code status} with the error {@code code} and {@code message}
     * of its XML body (either may be {@code null}) and the response {@code headers} (lower-case names). Shared by the
     * SDK and the lean path.
     */
    StorageException map(
            int status,
            String code,
            String message,
            Map<String, String> headers,
            String operation,
            String key,
            Throwable cause) {
        String what = describe(operation, key);
        String detail = "HTTP " + status + (code == null ? "" : " " + code);
        if ("NoSuchBucket".equals(code)) {
            return new StorageConfigException(
                    store,
                    "bucket '" + bucket + "' of component '" + store + "' does not exist at " + endpoint + " (" + what
                            + " failed: " + detail + "); create it or fix metadata 'bucket'",
                    cause);
        }
        if ("NoSuchKey".equals(code) || (status == 404 && code == null && key != null && operation.equals("reading"))) {
            // a 404 to a GET without an S3 error body (a HEAD never has one) is taken at its word only for reads
            return new ObjectNotFoundException(
                    store, key, "no object '" + key + "' in " + store + " (bucket '" + bucket + "')", cause);
        }
        if (status == 404 && code == null) {
            if (operation.equals("listing")) {
                return notS3(what, detail, cause); // every S3 server answers a listing of a bucket it has
            }
            return new StorageConfigException(
                    store,
                    what + " failed: " + endpoint + " answered " + detail + " without an S3 error; the server may not"
                            + " support this key or request",
                    cause);
        }
        if (code != null && CREDENTIAL_CODES.contains(code)) {
            return new StoragePermissionException(
                    store,
                    key,
                    what + " was refused (" + detail + "): " + endpoint + " rejected the credentials; check "
                            + credentialSource,
                    cause,
                    true);
        }
        if ((status == 401 || status == 403) && !"RequestTimeTooSkewed".equals(code)) {
            return new StoragePermissionException(
                    store,
                    key,
                    what + " was refused (" + detail + "); check " + credentialSource
                            + " and the permissions it grants on bucket '" + bucket + "'",
                    cause);
        }
        if ((code != null && REGION_CODES.contains(code)) || status == 301) {
            return new StorageConfigException(
                    store,
                    what + " failed (" + detail + "): bucket '" + bucket
                            + "' is in another region; fix metadata 'region' of component '" + store + "'",
                    cause);
        }
        if (code != null && IN_TRANSIT_CODES.contains(code)) {
            return IntegrityException.inTransit(
                    store,
                    key,
                    what + " failed: the server received other bytes than were sent (" + detail + ")",
                    cause);
        }
        if (code != null && INTEGRITY_CODES.contains(code)) {
            return new IntegrityException(
                    store,
                    key,
                    what + " failed: the server received other bytes than were sent (" + detail + ")",
                    cause);
        }
        if (status == 412 || "PreconditionFailed".equals(code)) {
            return new IntegrityException(
                    store, key, what + " failed: the object changed since it was listed (" + detail + ")", cause);
        }
        if (status == 501 || "NotImplemented".equals(code)) {
            return new StorageConfigException(
                    store,
                    what + " failed: " + endpoint + " does not support this request (" + detail
                            + (message == null ? "" : ": " + message) + ")",
                    cause);
        }
        if (isThrottling(status, code)) {
            Duration wait = retryAfter(headers.get("retry-after"), Instant.now());
            return new TransientStorageException(
                    store,
                    key,
                    what + " failed: " + endpoint + " is throttling requests (" + detail
                            + (wait == null ? "" : ", retry after " + wait.toMillis() + " ms") + ")",
                    cause,
                    true,
                    wait);
        }
        if (isTransient(status, code)) {
            return new TransientStorageException(store, key, what + " failed: " + detail, cause);
        }
        return new StorageConfigException(
                store,
                what + " failed: " + detail + (message == null ? "" : " (" + message + ")")
                        + "; the server refused the request as made, check the component's settings",
                cause);
    }

    /** The error for an answer that shows the endpoint is not an S3 server (an HTML page, a bare 404). */
    StorageConfigException notS3(String what, String detail, Throwable cause) {
        return new StorageConfigException(
                store,
                what + " failed: " + endpoint + " answered " + detail
                        + " without an S3 error; it does not look like an S3 server (a web page, a login page or a"
                        + " proxy?); check metadata 'endpoint' and 'forcePathStyle' of component '" + store + "'",
                cause);
    }

    /** The error for a listing the server answered in a way that cannot be trusted to be complete. */
    StorageConfigException untrustedListing(String prefix, String why) {
        return new StorageConfigException(
                store,
                "listing '" + prefix + "' in " + store + " (bucket '" + bucket + "' at " + endpoint + ") cannot be"
                        + " trusted to be complete: " + why,
                null);
    }

    /** Whether a response with this status and error code is worth sending again. */
    static boolean isTransient(int status, String code) {
        return status >= 500
                || status == 429
                || status == 408
                || (code != null && (TRANSIENT_CODES.contains(code) || THROTTLING_CODES.contains(code)));
    }

    /** Whether the server asks to be called less often. */
    static boolean isThrottling(int status, String code) {
        return status == 429 || (code != null && THROTTLING_CODES.contains(code));
    }

    /** A {@code Retry-After} value (seconds or an HTTP date) as a wait from {@code now}; {@code null} when absent. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) return null;
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 3600));
        } catch (NumberFormatException e) {
            Instant at = S3Objects.parseHttpDate(value);
            if (at == null) return null;
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    @SafeVarargs
    private static Throwable rootOf(Throwable e, Class<? extends Throwable>... types) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) return t;
            }
        }
        return null;
    }

    /** The innermost message, without Java class names. */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t.getCause() != null && depth < 32; depth++) t = t.getCause();
        String m = t.getMessage();
        return m == null || m.isBlank() ? "no detail" : m;
    }

    /** Runs one SDK request, mapping its failure for {@code operation} on {@code key}. */
    <T> T call(String operation, String key, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw map(e, operation, key);
        }
    }
}
