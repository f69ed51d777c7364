package com.atlan.storage.gcs;

import com.atlan.storage.store.Endpoints;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A component's GCS settings after defaults and validation. Holds no printable secret: credentials are inside
 * {@link GcsCredentials}, whose {@code toString} names only their source.
 *
 * @param endpoint       the JSON API's base URL, {@code null} for Google's own
 * @param singlePutLimit objects up to this size are buffered and sent in one multipart upload; larger ones are
 *                       streamed as a resumable upload
 * @param chunkSize      the resumable upload's chunk (the client buffers one per upload in flight)
 * @param readChunkSize  the size of each ranged GET of a read
 */
record GcsStoreConfig(
        String storeName,
        String bucket,
        String projectId,
        String endpoint,
        boolean emulator,
        GcsCredentials credentials,
        String storageClass,
        long singlePutLimit,
        int chunkSize,
        int readChunkSize,
        int concurrency) {

    static final long MiB = 1024 * 1024;

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");

    /** Metadata names this backend reads. */
    static final Set<String> KNOWN = StoreSettings.names(
            Set.of(
                    "bucket",
                    "endpoint",
                    "useEmulator",
                    "storageClass",
                    "singlePutLimitMiB",
                    "chunkSizeMiB",
                    "readChunkSizeMiB",
                    // Dapr binding options with no meaning here
                    "signTTL"),
            GcsCredentials.FIELDS,
            StoreSettings.BINDING_ONLY_OPTIONS);

    /** Reads and validates a component's metadata. */
    static GcsStoreConfig from(StoreSettings s) {
        String name = s.name();
        String bucket = s.require("bucket");
        if (!BUCKET.matcher(bucket).matches()) {
            throw invalid(
                    name,
                    "bucket",
                    "must be 3 to 222 lower-case letters, digits, '-', '_' and '.', starting and ending with a letter"
                            + " or digit, not '" + bucket + "'");
        }
        boolean emulator = s.flag("useEmulator", false);
        String endpoint = s.get("endpoint")
                .map(e -> Endpoints.parseBase(name, e, "https"))
                .orElse(null);
        if (emulator && endpoint == null) {
            throw invalid(name, "endpoint", "is needed with useEmulator: the emulator's base URL");
        }
        GcsStoreConfig config = new GcsStoreConfig(
                name,
                bucket,
                s.get("project_id").orElse(null),
                endpoint,
                emulator,
                GcsCredentials.from(s, emulator),
                s.get("storageClass").orElse(null),
                s.mebibytes("singlePutLimitMiB", 8),
                (int) s.mebibytes("chunkSizeMiB", 16),
                (int) s.mebibytes("readChunkSizeMiB", 8),
                s.concurrency());
        config.validate();
        return config;
    }

    /** Where requests go and with which credentials, for deciding whether two stores can rewrite server side. */
    String copyDomain() {
        return "gcs " + (endpoint == null ? "google" : endpoint) + " " + credentials.identity();
    }

    @Override
    public String toString() {
        return "GcsStoreConfig[" + storeName + ": bucket=" + bucket + ", endpoint="
                + (endpoint == null ? "Google" : endpoint) + ", credentials=" + credentials.source() + "]";
    }

    private void validate() {
        // GCS wants resumable chunks in multiples of 256 KiB; whole MiB always are
        if (chunkSize < MiB || chunkSize > 1024 * MiB) {
            throw invalid(storeName, "chunkSizeMiB", "must be within 1 and 1024");
        }
        if (readChunkSize < MiB || singlePutLimit > 1024 * MiB) {
            throw invalid(storeName, "readChunkSizeMiB/singlePutLimitMiB", "must be within 1 and 1024");
        }
    }

    static StorageConfigException invalid(String store, String setting, String why) {
        return StorageConfigException.invalidSetting(store, setting, why);
    }
}
