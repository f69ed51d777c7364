package com.atlan.storage.azure;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ByteBudget;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.MetadataField;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.models.ConsistentReadControl;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.blob.specialized.BlobInputStream;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An Azure Blob Storage container (or Azurite) as a {@link Backend}. Create it through {@link AzureStoreProvider};
 * it is safe for concurrent use and meant to be called from virtual threads.
 */
public final class AzureBackend implements Backend {

    /** Objects up to this size are buffered outside the byte budget, so they never queue behind large uploads. */
    static final int SMALL_OBJECT = 256 * 1024;

    /** Azure's longest blob name, in characters. */
    private static final int MAX_KEY = 1024;

    private static final int LIST_PAGE = 5000;

    private final AzureStoreConfig config;
    private final BlobContainerClient container;
    private final AzureErrors errors;
    private final ByteBudget budget;
    private final BlockUploader uploader;
    private final UrlCopier urlCopier;
    private final Features features;
    private volatile boolean containerReady;

    AzureBackend(AzureStoreConfig config) {
        this.config = config;
        this.container = AzureClients.container(config);
        this.errors = new AzureErrors(config);
        this.budget = new ByteBudget(config.byteBudget(), (int) config.blockSize());
        this.uploader = new BlockUploader(config, budget, errors);
        this.urlCopier = new UrlCopier(config, errors);
        this.containerReady = !config.createContainer();
        this.features = new Features(
                Set.of(HashKind.MD5),
                Set.of(HashKind.MD5),
                false,
                EnumSet.allOf(MetadataField.class),
                config.listingOrder(),
                config.copyDomain(),
                config.credentials().sharedKey() != null,
                true);
    }

    @Override
    public String name() {
        return config.storeName();
    }

    /** The container this store reads and writes. */
    public String container() {
        return config.container();
    }

    /**
     * MD5s (the blobs' Content-MD5), checked on write (by the service for single puts and every block, here for the
     * whole of a block upload before its commit), the standard content headers and user metadata, code point order
     * (UTF-16 for the emulator),
     * server-side copies within one account and credentials, copies from any store that presigns reads (Put Block
     * From URL), and read URLs signed with the account key when the component has one.
     */
    @Override
    public Features features() {
        return features;
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        ensureContainer();
        return AzureListing.stream(container, errors, prefix, startAfter, LIST_PAGE);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        ensureContainer();
        BlobClient blob = blob(key);
        try {
            return Optional.of(AzureObjects.described(
                    key, blob.getPropertiesWithResponse(null, null, null).getValue()));
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404 && !BlobErrorCode.CONTAINER_NOT_FOUND.equals(e.getErrorCode())) {
                return Optional.empty();
            }
            throw errors.map(e, "stat", key);
        } catch (RuntimeException e) {
            throw errors.map(e, "stat", key);
        }
    }

    @Override
    public ObjectContent open(String key) {
        return read(key, null);
    }

    @Override
    public ObjectContent open(String key, long offset, long length) {
        Backend.checkRange(offset, length);
        if (length == 0) {
            return ObjectContent.empty(this, key);
        }
        return read(key, new BlobRange(offset, length));
    }

    /**
     * Reads in ranged GETs of {@code readBlockSize}, every one pinned to the entity tag of the first, so an object
     * replaced mid-read fails the read instead of mixing two versions.
     */
    private ObjectContent read(String key, BlobRange range) {
        BlobInputStreamOptions options = new BlobInputStreamOptions()
                .setBlockSize(config.readBlockSize())
                .setConsistentReadControl(ConsistentReadControl.ETAG);
        if (range != null) {
            options.setRange(range);
        }
        try {
            BlobInputStream in = blob(key).openInputStream(options);
            return new ObjectContent(in, AzureObjects.described(key, in.getProperties()));
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 416 || BlobErrorCode.INVALID_RANGE.equals(e.getErrorCode())) {
                return ObjectContent.empty(this, key); // a range at or past the end, or any range of an empty blob
            }
            throw errors.map(e, "reading", key);
        } catch (RuntimeException e) {
            throw errors.map(e, "reading", key);
        }
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
        Backend.checkLength(length);
        BlockBlobClient blob = blob(key).getBlockBlobClient();
        ensureContainer();
        if (length > config.singlePutLimit()) {
            return uploader.upload(blob, key, data, length, options);
        }
        if (length <= SMALL_OBJECT) {
            return putSingle(blob, key, data, new byte[(int) length], (int) length, options);
        }
        return budget.lend(
                (int) length, errors, key, buffer -> putSingle(blob, key, data, buffer, (int) length, options));
    }

    /** One Put Blob of a buffered object, with its Content-MD5: the service refuses other bytes. */
    private ObjectInfo putSingle(
            BlockBlobClient blob, String key, InputStream data, byte[] buffer, int length, PutOptions options) {
        errors.readSource(key, data, buffer, length, 0, length);
        byte[] md5 = Md5.of(buffer, length);
        String actual = HexFormat.of().formatHex(md5);
        String expected = options.expectedMd5();
        if (expected != null && !expected.equalsIgnoreCase(actual)) {
            throw errors.notTheDeclared(key, "MD5", actual, expected, "nothing was written");
        }
        BlockBlobSimpleUploadOptions upload = new BlockBlobSimpleUploadOptions(
                        BinaryData.fromByteBuffer(ByteBuffer.wrap(buffer, 0, length)))
                .setHeaders(AzureObjects.headers(options.metadata(), md5))
                .setMetadata(config.invalidMetadata()
                        .apply(name(), key, options.metadata().user()))
                .setTier(config.accessTier())
                .setContentMd5(md5);
        BlockBlobItem item = errors.call("writing", key, () -> blob.uploadWithResponse(upload, null, null))
                .getValue();
        return written(key, length, item, md5);
    }

    private static ObjectInfo written(String key, long length, BlockBlobItem item, byte[] md5) {
        return new ObjectInfo(
                key,
                length,
                item.getLastModified() == null ? null : item.getLastModified().toInstant(),
                AzureObjects.unquote(item.getETag()),
                AzureObjects.md5(md5),
                null);
    }

    @Override
    public boolean delete(String key) {
        return errors.call("deleting", key, () -> blob(key).deleteIfExistsWithResponse(null, null, null, null))
                .getValue();
    }

    /**
     * Copies within the account with Copy Blob (metadata and properties travel with it), and from any other store
     * that presigns reads with Put Block From URL. When the source gives no URL for the object, or the service cannot
     * read the source's URLs, this is an {@link UnsupportedOperationException}: the caller streams the object, and
     * counts it as streamed.
     */
    @Override
    public ObjectInfo copyFrom(Backend source, ObjectInfo object) {
        ensureContainer();
        String key = object.key();
        if (source instanceof AzureBackend from && config.copyDomain().equals(from.config.copyDomain())) {
            return new AccountCopier(config, errors).copy(from.sourceUrl(key), blob(key), object, this::stat);
        }
        if (!source.features().presignsReads()) {
            throw new UnsupportedOperationException(name() + " cannot copy server side from " + source.name());
        }
        return urlCopier
                .copy(source, object, blob(key).getBlockBlobClient())
                .orElseThrow(() -> new UnsupportedOperationException(
                        name() + " cannot copy '" + key + "' from " + source.name() + " by URL; stream it instead"));
    }

    /** A URL to the blob for a same-account Copy Blob, with the SAS token when that is what authorises requests. */
    private String sourceUrl(String key) {
        String sas = config.credentials().sasToken();
        return blob(key).getBlobUrl() + (sas == null ? "" : "?" + sas);
    }

    /** A read-only SAS URL signed with the account key; empty without one. */
    @Override
    public Optional<URI> presignRead(String key, Duration validFor) {
        if (config.credentials().sharedKey() == null) {
            return Optional.empty();
        }
        BlobClient blob = blob(key);
        BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(
                OffsetDateTime.now(java.time.ZoneOffset.UTC).plus(validFor),
                new BlobSasPermission().setReadPermission(true));
        return Optional.of(URI.create(blob.getBlobUrl() + "?" + blob.generateSas(values)));
    }

    private BlobClient blob(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY) {
            throw new InvalidKeyException(
                    name(), key, "Azure blob names have 1 to 1024 characters; '" + key + "' has " + key.length());
        }
        return container.getBlobClient(key);
    }

    /**
     * Creates the container on first use when the component asks for it (metadata createContainer): a migration
     * lists its destination before it writes.
     */
    private void ensureContainer() {
        if (!containerReady) {
            synchronized (this) {
                if (!containerReady) {
                    errors.call("creating the container for", null, container::createIfNotExists);
                    containerReady = true;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "AzureBackend[" + config + "]";
    }
}
