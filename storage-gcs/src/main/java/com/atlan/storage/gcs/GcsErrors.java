package com.atlan.storage.gcs;

import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.store.TransientStorageException;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Maps Google Cloud client failures onto the SPI's typed errors, with messages that name the store, the bucket, the
 * key and (for refused credentials) where the credentials came from, never their values.
 */
final class GcsErrors {

    /** What a request was about: a 404 on an object read is a missing object, on anything else a missing bucket. */
    enum Target {
        OBJECT,
        BUCKET
    }

    private final String store;
    private final String bucket;
    private final String credentialSource;

    GcsErrors(GcsStoreConfig config) {
        this.store = config.storeName();
        this.bucket = config.bucket();
        this.credentialSource = config.credentials().source();
    }

    String store() {
        return store;
    }

    /** Runs one client call, mapping its failure for {@code operation} on {@code key} (may be {@code null}). */
    <T> T call(String operation, String key, Target target, Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            throw map(e, operation, key, target);
        }
    }

    /** The typed error for {@code e}, raised while doing {@code operation} on {@code key}. */
    StorageException map(Throwable e, String operation, String key, Target target) {
        if (e instanceof StorageException se) {
            return se;
        }
        String what = operation + (key == null ? "" : " '" + key + "'") + " in " + store + " (bucket '" + bucket + "')";
        if (e instanceof com.google.cloud.storage.StorageException ge) {
            return map(ge, what, key, target);
        }
        if (e.getCause() instanceof com.google.cloud.storage.StorageException ge) {
            return map(ge, what, key, target);
        }
        if (e instanceof InterruptedException || e instanceof IOException) {
            return new TransientStorageException(store, key, what + " failed: " + e, e);
        }
        if (e.getCause() instanceof IOException io) {
            return new TransientStorageException(store, key, what + " failed: " + io, e);
        }
        return new StorageConfigException(
                store,
                what + " failed: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage())
                        + "; is metadata 'endpoint' (or Google's) a Cloud Storage JSON API?",
                e);
    }

    private StorageException map(com.google.cloud.storage.StorageException e, String what, String key, Target target) {
        int status = e.getCode();
        String reason = e.getReason();
        String detail = "HTTP " + status + (reason == null ? "" : " " + reason);
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (status == 404 && (target == Target.BUCKET || message.contains("bucket"))) {
            return new StorageConfigException(
                    store,
                    "bucket '" + bucket + "' of component '" + store + "' does not exist (" + what + " failed: "
                            + detail + "); create it or fix metadata 'bucket'",
                    e);
        }
        if (status == 404) {
            return new ObjectNotFoundException(
                    store, key, "no object '" + key + "' in " + store + " (bucket '" + bucket + "')", e);
        }
        if (status == 401 || status == 403) {
            return new StoragePermissionException(
                    store,
                    key,
                    what + " was refused (" + detail + "); check " + credentialSource
                            + " and the permissions it grants on bucket '" + bucket + "'",
                    e,
                    status == 401);
        }
        if (status == 412) {
            return new IntegrityException(
                    store, key, what + " failed: the object changed since it was listed (" + detail + ")", e);
        }
        if (status == 400 && (message.contains("md5") || message.contains("crc32c") || message.contains("hash"))) {
            return new IntegrityException(
                    store, key, what + " failed: the server received other bytes than were sent (" + detail + ")", e);
        }
        boolean throttled = status == 429 || status == 503;
        if (throttled || status >= 500 || status == 408 || status == 0 || e.isRetryable()) {
            return new TransientStorageException(
                    store, key, what + " failed: " + detail + " " + firstLine(e.getMessage()), e, throttled, null);
        }
        return new StorageConfigException(
                store,
                what + " failed: " + detail + " (" + firstLine(e.getMessage())
                        + "); the server refused the request as made, check the component's settings",
                e);
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

    /** The error for bytes that do not have a hash their source declared. */
    IntegrityException notTheDeclared(String key, String kind, String actual, String declared) {
        return new IntegrityException(
                store,
                key,
                "the bytes read for '" + key + "' have " + kind + " " + actual + ", but its source declared " + declared
                        + "; nothing was written");
    }

    /** The error for a resumable upload the service would not finish (HTTP 400): its bytes fail a check. */
    IntegrityException refusedFinish(String key, com.atlan.storage.store.Hashes declared, Throwable cause) {
        return new IntegrityException(
                store,
                key,
                "the service refused to finish the upload of '" + key + "' to " + store + " (HTTP 400): its bytes do"
                        + " not have the hashes " + declared + " declared for them, or the upload was malformed;"
                        + " nothing was written",
                cause);
    }

    /** The error for a server that recorded other bytes than were sent. */
    IntegrityException mismatch(String key, String what, String sent, String recorded) {
        return new IntegrityException(
                store,
                key,
                "writing '" + key + "' to " + store + ": " + what + " is " + recorded + " on the server but " + sent
                        + " locally; the object was deleted");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
