package com.atlan.storage.s3;

import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.store.TransientStorageException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Maps SDK failures onto the SPI's typed errors, with messages that name the store, the bucket, the
 * key and (for refused credentials) where the credentials came from, never their values.
 */
final class S3Errors {

    private static final Set<String> PERMISSION_CODES = Set.of(
            "AccessDenied",
            "InvalidAccessKeyId",
            "SignatureDoesNotMatch",
            "ExpiredToken",
            "InvalidToken",
            "TokenRefreshRequired",
            "AllAccessDisabled",
            "AccountProblem",
            "InvalidSecurity",
            "RequestTimeTooSkewed");
    private static final Set<String> TRANSIENT_CODES = Set.of(
            "SlowDown",
            "RequestTimeout",
            "InternalError",
            "ServiceUnavailable",
            "Throttling",
            "ThrottlingException",
            "RequestLimitExceeded",
            "TooManyRequests",
            "OperationAborted");
    private static final Set<String> INTEGRITY_CODES = Set.of(
            "BadDigest",
            "InvalidDigest",
            "IncompleteBody",
            "XAmzContentSHA256Mismatch",
            "InvalidPart",
            "InvalidPartOrder",
            "EntityTooSmall");
    private static final Set<String> REGION_CODES =
            Set.of("PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException");

    private final String store;
    private final String bucket;
    private final String credentialSource;

    S3Errors(S3StoreConfig config) {
        this.store = config.storeName();
        this.bucket = config.bucket();
        this.credentialSource = config.credentials().source();
    }

    /** The typed error for {@code e}, raised while doing {@code operation} on {@code key} (may be {@code null}). */
    StorageException map(SdkException e, String operation, String key) {
        if (e instanceof AwsServiceException se) {
            var details = se.awsErrorDetails();
            return map(
                    se.statusCode(),
                    details == null ? null : details.errorCode(),
                    details == null ? null : details.errorMessage(),
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

    /** The typed error for an I/O failure (reset, timeout, refused, truncated): transient. */
    StorageException io(Exception e, String operation, String key) {
        return new TransientStorageException(store, key, describe(operation, key) + " failed: " + e.getMessage(), e);
    }

    /**
     * The typed error for an S3 error response: HTTP {@code status} with the error {@code code} and
     * {@code message} of its XML body (either may be {@code null}). Shared by the SDK and the lean path.
     */
    StorageException map(int status, String code, String message, String operation, String key, Throwable cause) {
        String what = describe(operation, key);
        String detail = "HTTP " + status + (code == null ? "" : " " + code);
        if ("NoSuchBucket".equals(code)) {
            return new StorageConfigException(
                    store,
                    "bucket '" + bucket + "' of component '" + store + "' does not exist (" + what + " failed: "
                            + detail + "); create it or fix metadata 'bucket'",
                    cause);
        }
        if (status == 404 || "NoSuchKey".equals(code)) {
            return new ObjectNotFoundException(
                    store, key, "no object '" + key + "' in " + store + " (bucket '" + bucket + "')", cause);
        }
        if (status == 401 || status == 403 || (code != null && PERMISSION_CODES.contains(code))) {
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
        if ((code != null && INTEGRITY_CODES.contains(code))) {
            return new IntegrityException(
                    store,
                    key,
                    what + " failed: the server received other bytes than" + " were sent (" + detail + ")",
                    cause);
        }
        if (status == 412 || "PreconditionFailed".equals(code)) {
            return new IntegrityException(
                    store, key, what + " failed: the object changed since it was listed (" + detail + ")", cause);
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

    /** Whether a response with this status and error code is worth sending again. */
    static boolean isTransient(int status, String code) {
        return status >= 500 || status == 429 || status == 408 || (code != null && TRANSIENT_CODES.contains(code));
    }

    private String describe(String operation, String key) {
        return operation + (key == null ? "" : " '" + key + "'") + " in " + store + " (bucket '" + bucket + "')";
    }

    /** Runs one SDK request, mapping its failure for {@code operation} on {@code key}. */
    <T> T call(String operation, String key, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw map(e, operation, key);
        }
    }

    /** The error for a thread interrupted while waiting on {@code operation}; the interrupt flag is kept. */
    StorageException interrupted(String operation, String key, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new TransientStorageException(
                store, key, operation + " '" + key + "' in " + store + " was interrupted", e);
    }

    /** The error for a stream that ended before {@code expected} bytes. */
    IntegrityException shortSource(String key, long read, long expected) {
        return new IntegrityException(
                store,
                key,
                "source ended after " + read + " of " + expected + " bytes while writing '" + key + "' to " + store
                        + "; nothing was written");
    }

    /** The error for bytes read from a source that do not have the MD5 the source declared. */
    IntegrityException notTheDeclaredMd5(String key, String actual, String declared, String outcome) {
        return new IntegrityException(
                store,
                key,
                "the bytes read for '" + key + "' have MD5 " + actual + ", but its source declared " + declared + "; "
                        + outcome);
    }

    /** The error for a server that recorded something other than what was sent. */
    IntegrityException mismatch(String key, String what, String expected, String actual) {
        return new IntegrityException(
                store,
                key,
                "writing '" + key + "' to " + store + ": " + what + " is " + actual + " on the server but " + expected
                        + " locally");
    }
}
