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

    private static final Set<String> PERMISSION_CODES = Set.of("AccessDenied", "InvalidAccessKeyId",
            "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "AllAccessDisabled",
            "AccountProblem", "InvalidSecurity", "RequestTimeTooSkewed");
    private static final Set<String> TRANSIENT_CODES = Set.of("SlowDown", "RequestTimeout", "InternalError",
            "ServiceUnavailable", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequests",
            "OperationAborted");
    private static final Set<String> INTEGRITY_CODES = Set.of("BadDigest", "InvalidDigest", "IncompleteBody",
            "XAmzContentSHA256Mismatch", "InvalidPart", "InvalidPartOrder", "EntityTooSmall");
    private static final Set<String> REGION_CODES = Set.of("PermanentRedirect", "AuthorizationHeaderMalformed",
            "IllegalLocationConstraintException");

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
        String what = operation + (key == null ? "" : " '" + key + "'") + " in " + store + " (bucket '" + bucket + "')";
        if (e instanceof AwsServiceException se) {
            int status = se.statusCode();
            String code = se.awsErrorDetails() == null ? null : se.awsErrorDetails().errorCode();
            String detail = "HTTP " + status + (code == null ? "" : " " + code);
            if ("NoSuchBucket".equals(code)) {
                return new StorageConfigException(store, "bucket '" + bucket + "' of component '" + store
                        + "' does not exist (" + what + " failed: " + detail + "); create it or fix metadata 'bucket'", e);
            }
            if (status == 404 || "NoSuchKey".equals(code)) {
                return new ObjectNotFoundException(store, key, "no object '" + key + "' in " + store
                        + " (bucket '" + bucket + "')", e);
            }
            if (status == 401 || status == 403 || PERMISSION_CODES.contains(code)) {
                return new StoragePermissionException(store, key, what + " was refused (" + detail + "); check "
                        + credentialSource + " and the permissions it grants on bucket '" + bucket + "'", e);
            }
            if (REGION_CODES.contains(code) || status == 301) {
                return new StorageConfigException(store, what + " failed (" + detail + "): bucket '" + bucket
                        + "' is in another region; fix metadata 'region' of component '" + store + "'", e);
            }
            if (INTEGRITY_CODES.contains(code)) {
                return new IntegrityException(store, key, what + " failed: the server received other bytes than"
                        + " were sent (" + detail + ")", e);
            }
            if (status == 412 || "PreconditionFailed".equals(code)) {
                return new IntegrityException(store, key, what + " failed: the object changed since it was listed ("
                        + detail + ")", e);
            }
            if (status >= 500 || status == 429 || status == 408 || TRANSIENT_CODES.contains(code)) {
                return new TransientStorageException(store, key, what + " failed: " + detail, e);
            }
            String message = se.awsErrorDetails() == null ? null : se.awsErrorDetails().errorMessage();
            return new StorageConfigException(store, what + " failed: " + detail + (message == null ? "" : " (" + message + ")")
                    + "; the server refused the request as made, check the component's settings", e);
        }
        if (e instanceof SdkClientException && e.getMessage() != null && e.getMessage().contains("Unable to load credentials")) {
            return new StorageConfigException(store, "no credentials for component '" + store + "': set metadata"
                    + " accessKey and secretKey or configure " + credentialSource, e);
        }
        // resets, timeouts, refused connections, truncated bodies: worth another try by the engine
        return new TransientStorageException(store, key, what + " failed: " + e.getMessage(), e);
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
        return new TransientStorageException(store, key, operation + " '" + key + "' in " + store + " was interrupted", e);
    }

    /** The error for a stream that ended before {@code expected} bytes. */
    IntegrityException shortSource(String key, long read, long expected) {
        return new IntegrityException(store, key, "source ended after " + read + " of " + expected
                + " bytes while writing '" + key + "' to " + store + "; nothing was written");
    }

    /** The error for a server that recorded something other than what was sent. */
    IntegrityException mismatch(String key, String what, String expected, String actual) {
        return new IntegrityException(store, key, "writing '" + key + "' to " + store + ": " + what
                + " is " + actual + " on the server but " + expected + " locally");
    }
}
