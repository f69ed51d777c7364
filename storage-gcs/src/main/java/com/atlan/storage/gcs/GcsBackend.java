package com.atlan.storage.gcs;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.MetadataField;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BlobWriteSessionConfigs;
import com.google.cloud.storage.CopyWriter;
import com.google.cloud.storage.HttpStorageOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobSourceOption;
import com.google.cloud.storage.StorageClass;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Google Cloud Storage bucket as a {@link Backend}, over the JSON API. Create it through
 * {@link GcsStoreProvider}; it is safe for concurrent use and meant to be called from virtual threads.
 */
public final class GcsBackend implements Backend {

    /** GCS's longest object name, in UTF-8 bytes. */
    private static final int MAX_KEY_BYTES = 1024;

    private static final int LIST_PAGE = 1000;

    private final GcsStoreConfig config;
    private final Storage storage;
    private final GcsErrors errors;
    private final GcsUploader uploader;
    private final Features features;

    GcsBackend(GcsStoreConfig config) {
        this.config = config;
        this.errors = new GcsErrors(config);
        HttpStorageOptions.Builder options = HttpStorageOptions.http()
                // a project is needed only for bucket operations; naming one keeps the client from looking it up
                .setProjectId(config.projectId() == null ? "atlan-storage" : config.projectId())
                .setCredentials(config.credentials().get())
                // one attempt per request: the engine owns retries
                .setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(1).build())
                .setBlobWriteSessionConfig(BlobWriteSessionConfigs.getDefault().withChunkSize(config.chunkSize()));
        if (config.endpoint() != null) {
            options.setHost(config.endpoint());
        }
        this.storage = options.build().getService();
        this.uploader = new GcsUploader(config, storage, errors);
        this.features = new Features(
                Set.of(HashKind.CRC32C, HashKind.MD5),
                Set.of(HashKind.CRC32C, HashKind.MD5),
                false,
                EnumSet.allOf(MetadataField.class),
                ListingOrder.CODE_POINT,
                config.copyDomain(),
                config.credentials().canSign(),
                false);
    }

    @Override
    public String name() {
        return config.storeName();
    }

    /** The bucket this store reads and writes. */
    public String bucket() {
        return config.bucket();
    }

    /**
     * CRC32C and MD5 as the service records them, both checked on write (by the service when the source declared
     * them, else the CRC32C computed here is compared with the service's), the standard content headers and user
     * metadata, code point order, rewrites within one endpoint and credentials, and V4-signed read URLs when the
     * component has a service-account key.
     */
    @Override
    public Features features() {
        return features;
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        return GcsListing.stream(storage, config.bucket(), errors, prefix, startAfter, LIST_PAGE);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        Blob blob = errors.call("stat", key, GcsErrors.Target.OBJECT, () -> storage.get(id(key)));
        return Optional.ofNullable(blob).map(b -> GcsObjects.described(b, true));
    }

    @Override
    public ObjectContent open(String key) {
        return open(key, 0, Long.MAX_VALUE);
    }

    /**
     * Reads the generation the object has now, in ranged GETs of {@code readChunkSize}, so an object replaced
     * mid-read fails the read instead of mixing two versions. The bytes are read as stored: a gzip-encoded object is
     * not decompressed on the way (GCS would otherwise transcode it).
     */
    @Override
    public ObjectContent open(String key, long offset, long length) {
        Backend.checkRange(offset, length);
        ObjectInfo info = require(key);
        if (length == 0 || offset >= info.size()) {
            return new ObjectContent(InputStream.nullInputStream(), info);
        }
        long generation = Long.parseLong(info.etag());
        ReadChannel reader = errors.call(
                "reading",
                key,
                GcsErrors.Target.OBJECT,
                () -> storage.reader(
                        BlobId.of(config.bucket(), key, generation),
                        BlobSourceOption.shouldReturnRawInputStream(true)));
        reader.setChunkSize(config.readChunkSize());
        try {
            if (offset > 0) {
                reader.seek(offset);
            }
            if (length < info.size() - offset) {
                reader = reader.limit(offset + length);
            }
        } catch (IOException e) {
            reader.close();
            throw errors.map(new java.io.UncheckedIOException(e), "reading", key, GcsErrors.Target.OBJECT);
        }
        return new ObjectContent(Channels.newInputStream(reader), info);
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
        Backend.checkLength(length);
        BlobInfo.Builder info = GcsObjects.withMetadata(BlobInfo.newBuilder(id(key)), options.metadata());
        if (config.storageClass() != null) {
            info.setStorageClass(StorageClass.valueOfStrict(config.storageClass()));
        }
        return length <= config.singlePutLimit()
                ? uploader.putSingle(key, info, data, (int) length, options.expected())
                : uploader.putResumable(key, info, data, length, options.expected());
    }

    @Override
    public boolean delete(String key) {
        return errors.call("deleting", key, GcsErrors.Target.OBJECT, () -> storage.delete(id(key)));
    }

    /**
     * Rewrites the object within GCS (the service copies the bytes, content headers and metadata), pinned to the
     * listed generation so a source replaced since the listing fails the copy.
     */
    @Override
    public ObjectInfo copyFrom(Backend source, ObjectInfo object) {
        if (!(source instanceof GcsBackend from) || !config.copyDomain().equals(from.config.copyDomain())) {
            throw new UnsupportedOperationException(name() + " cannot copy server side from " + source.name());
        }
        String key = object.key();
        Storage.CopyRequest.Builder request =
                Storage.CopyRequest.newBuilder().setSource(from.id(key)).setTarget(id(key));
        if (object.etag() != null) {
            request.setSourceOptions(BlobSourceOption.generationMatch(Long.parseLong(object.etag())));
        }
        Blob copied = errors.call("copying from " + source.name() + " to", key, GcsErrors.Target.OBJECT, () -> {
            CopyWriter rewrite = storage.copy(request.build());
            while (!rewrite.isDone()) {
                rewrite.copyChunk();
            }
            return rewrite.getResult();
        });
        return GcsObjects.described(copied, true);
    }

    /** A V4-signed GET URL when the component has a service-account key; empty otherwise. */
    @Override
    public Optional<URI> presignRead(String key, Duration validFor) {
        if (!features.presignsReads()) {
            return Optional.empty();
        }
        var url = errors.call(
                "signing a URL for",
                key,
                GcsErrors.Target.OBJECT,
                () -> storage.signUrl(
                        BlobInfo.newBuilder(id(key)).build(),
                        validFor.toSeconds(),
                        TimeUnit.SECONDS,
                        Storage.SignUrlOption.withV4Signature()));
        try {
            return Optional.of(url.toURI());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private BlobId id(String key) {
        if (key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new InvalidKeyException(
                    name(), key, "GCS object names have 1 to 1024 bytes of UTF-8; '" + key + "' does not");
        }
        return BlobId.of(config.bucket(), key);
    }

    @Override
    public void close() {
        try {
            storage.close();
        } catch (Exception e) {
            // nothing is buffered: closing only releases connections
        }
    }

    @Override
    public String toString() {
        return "GcsBackend[" + config + "]";
    }
}
