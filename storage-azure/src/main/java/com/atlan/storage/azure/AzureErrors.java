package com.atlan.storage.azure;

import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.store.TransientStorageException;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Maps Azure SDK failures onto the SPI's typed errors, with messages that name the store, the container, the key
 * and (for refused credentials) where the credentials came from, never their values.
 */
final class AzureErrors {

    private static final Set<BlobErrorCode> PERMISSION_CODES = Set.of(
            BlobErrorCode.AUTHENTICATION_FAILED,
            BlobErrorCode.AUTHORIZATION_FAILURE,
            BlobErrorCode.AUTHORIZATION_PERMISSION_MISMATCH,
            BlobErrorCode.AUTHORIZATION_RESOURCE_TYPE_MISMATCH,
            BlobErrorCode.AUTHORIZATION_SERVICE_MISMATCH,
            BlobErrorCode.AUTHORIZATION_PROTOCOL_MISMATCH,
            BlobErrorCode.AUTHORIZATION_SOURCE_IPMISMATCH,
            BlobErrorCode.INSUFFICIENT_ACCOUNT_PERMISSIONS,
            BlobErrorCode.ACCOUNT_IS_DISABLED);
    private static final Set<BlobErrorCode> INTEGRITY_CODES = Set.of(
            BlobErrorCode.MD5MISMATCH,
            BlobErrorCode.INVALID_MD5,
            BlobErrorCode.INVALID_BLOCK_LIST,
            BlobErrorCode.INVALID_BLOCK_ID,
            BlobErrorCode.CONDITION_NOT_MET,
            BlobErrorCode.SOURCE_CONDITION_NOT_MET,
            BlobErrorCode.TARGET_CONDITION_NOT_MET);
    private static final Set<BlobErrorCode> THROTTLING_CODES =
            Set.of(BlobErrorCode.SERVER_BUSY, BlobErrorCode.OPERATION_TIMED_OUT);

    private final String store;
    private final String container;
    private final String credentialSource;
    private final String serviceUrl;

    AzureErrors(AzureStoreConfig config) {
        this.serviceUrl = config.serviceUrl();
        this.store = config.storeName();
        this.container = config.container();
        this.credentialSource = config.credentials().source();
    }

    /** The store name, for messages. */
    String store() {
        return store;
    }

    /** Runs one SDK call, mapping its failure for {@code operation} on {@code key} (may be {@code null}). */
    <T> T call(String operation, String key, Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            throw map(e, operation, key);
        }
    }

    /** The typed error for {@code e}, raised while doing {@code operation} on {@code key}. */
    StorageException map(Throwable e, String operation, String key) {
        if (e instanceof StorageException se) {
            return se;
        }
        String what = describe(operation, key);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequireAzureResponses.NotBlobStorageException) {
                return new StorageConfigException(
                        store,
                        what + " failed: " + t.getMessage() + "; is metadata 'endpoint' of component '" + store + "' ("
                                + serviceUrl + ") an Azure Blob Storage endpoint?",
                        e);
            }
        }
        if (e instanceof BlobStorageException be) {
            return map(be, what, key);
        }
        if (e instanceof ClientAuthenticationException) {
            return new StoragePermissionException(
                    store,
                    key,
                    what + " failed: no token could be had from " + credentialSource + " (" + firstLine(e) + ")",
                    e,
                    true);
        }
        if (e instanceof HttpResponseException he && he.getResponse() != null) {
            int status = he.getResponse().getStatusCode();
            if (status == 401 || status == 403) {
                return new StoragePermissionException(
                        store, key, what + " was refused (HTTP " + status + "); check " + credentialSource, e, true);
            }
            if (status >= 500 || status == 429 || status == 408) {
                return new TransientStorageException(store, key, what + " failed: HTTP " + status, e);
            }
        }
        Throwable io = ioCause(e);
        if (io != null) {
            return new TransientStorageException(store, key, what + " failed: " + io, e);
        }
        return new StorageConfigException(
                store, what + " failed: " + firstLine(e) + "; check the component's settings", e);
    }

    private StorageException map(BlobStorageException e, String what, String key) {
        int status = e.getStatusCode();
        BlobErrorCode code = e.getErrorCode();
        String detail = "HTTP " + status + (code == null ? "" : " " + code);
        if (BlobErrorCode.CONTAINER_NOT_FOUND.equals(code)) {
            return new StorageConfigException(
                    store,
                    "container '" + container + "' of component '" + store + "' does not exist (" + what
                            + " failed: " + detail + "); create it, set metadata createContainer: \"true\", or fix"
                            + " metadata 'containerName'",
                    e);
        }
        if (BlobErrorCode.CANNOT_VERIFY_COPY_SOURCE.equals(code)) {
            return status >= 500
                    ? new TransientStorageException(
                            store, key, what + " failed: the copy source could not be read (" + detail + ")", e)
                    : new StoragePermissionException(
                            store,
                            key,
                            what + " failed: the service could not read the copy source (" + detail + ")",
                            e);
        }
        if (status == 404 || BlobErrorCode.BLOB_NOT_FOUND.equals(code)) {
            return new ObjectNotFoundException(
                    store, key, "no object '" + key + "' in " + store + " (container '" + container + "')", e);
        }
        if (status == 401 || status == 403 || (code != null && PERMISSION_CODES.contains(code))) {
            return new StoragePermissionException(
                    store,
                    key,
                    what + " was refused (" + detail + "); check " + credentialSource
                            + " and the permissions it grants on container '" + container + "'",
                    e,
                    code == null || !BlobErrorCode.AUTHORIZATION_PERMISSION_MISMATCH.equals(code));
        }
        if (status == 412 || (code != null && INTEGRITY_CODES.contains(code))) {
            String why = status == 412
                    ? "the object changed since it was listed"
                    : "the server received other bytes than were sent";
            return new IntegrityException(store, key, what + " failed: " + why + " (" + detail + ")", e);
        }
        boolean throttled = status == 503 || status == 429 || (code != null && THROTTLING_CODES.contains(code));
        if (throttled || status >= 500 || status == 408) {
            return new TransientStorageException(store, key, what + " failed: " + detail, e, throttled, retryAfter(e));
        }
        return new StorageConfigException(
                store,
                what + " failed: " + detail + " (" + firstLine(e.getServiceMessage())
                        + "); the server refused the request as made, check the component's settings",
                e);
    }

    /** The error for a thread interrupted while waiting on {@code operation}; the interrupt flag is kept. */
    StorageException interrupted(String operation, String key, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new TransientStorageException(store, key, describe(operation, key) + " was interrupted", e);
    }

    /** The error for a source stream that ended before {@code expected} bytes. */
    IntegrityException shortSource(String key, long read, long expected) {
        return new IntegrityException(
                store,
                key,
                "source ended after " + read + " of " + expected + " bytes while writing '" + key + "' to " + store
                        + "; nothing was written");
    }

    /** The error for a source stream that could not be read while writing {@code key}. */
    TransientStorageException sourceFailed(String key, long offset, IOException e) {
        return new TransientStorageException(
                store, key, "reading the source of '" + key + "' failed after " + offset + " bytes: " + e, e);
    }

    /** The error for bytes that do not have the MD5 their source declared. */
    IntegrityException notTheDeclaredMd5(String key, String actual, String declared) {
        return new IntegrityException(
                store,
                key,
                "the bytes read for '" + key + "' have MD5 " + actual + ", but its source declared " + declared
                        + "; nothing was written");
    }

    private String describe(String operation, String key) {
        return operation + (key == null ? "" : " '" + key + "'") + " in " + store + " (container '" + container + "')";
    }

    private static Duration retryAfter(HttpResponseException e) {
        if (e.getResponse() == null) {
            return null;
        }
        String value = e.getResponse().getHeaders().getValue(com.azure.core.http.HttpHeaderName.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException ignored) {
            return null; // an HTTP date: rare for storage, and the engine's backoff applies
        }
    }

    private static Throwable ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return t instanceof UncheckedIOException u ? u.getCause() : t;
            }
            if (t instanceof java.util.concurrent.TimeoutException) {
                return t;
            }
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        return firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
