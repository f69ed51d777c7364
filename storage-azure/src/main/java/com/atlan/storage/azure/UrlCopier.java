package com.atlan.storage.azure;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PartPipeline;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobStageBlockFromUrlOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies an object from another store (S3, another Azure account) by a URL it presigns: the service reads the bytes
 * itself with Put Block From URL, in ranges of {@code copyBlockSize} staged in parallel, and one Put Block List
 * commits them with the source's content headers and metadata. The bytes never pass through this process.
 *
 * <p>Integrity: the service checks the size of every range; an object copied in one range whose source declares an
 * MD5 is checked against it by the service ({@code x-ms-source-content-md5}) and keeps it as its Content-MD5. An
 * object of several ranges gets no Content-MD5: nothing checked the whole, so none is claimed.
 *
 * <p>When the service cannot reach a source's URLs at all ({@code CannotVerifyCopySource} 404: a source on a private
 * network, or Azurite, which reads copy sources only from itself), the store says so once and, from then on, hands that
 * source's objects back to be streamed through this process.
 */
final class UrlCopier {

    private static final Logger LOG = LoggerFactory.getLogger(UrlCopier.class);

    private final AzureStoreConfig config;
    private final AzureErrors errors;
    /** Set once the service could not read a source's URLs (a private endpoint, or Azurite): stream from then on. */
    private final java.util.Set<String> unreadableSources = java.util.concurrent.ConcurrentHashMap.newKeySet();

    UrlCopier(AzureStoreConfig config, AzureErrors errors) {
        this.config = config;
        this.errors = errors;
    }

    /**
     * The copy, or empty when the source gives no URL for this object or the service cannot read the source's URLs
     * (the caller streams it instead).
     */
    Optional<ObjectInfo> copy(Backend source, ObjectInfo object, BlockBlobClient target) {
        if (unreadableSources.contains(source.name())) {
            return Optional.empty();
        }
        try {
            return copyByUrl(source, object, target);
        } catch (CopySourceUnreadable e) {
            if (unreadableSources.add(source.name())) {
                LOG.warn(
                        "{} cannot read the URLs {} presigns ({}); streaming its objects through this process instead",
                        config.storeName(),
                        source.name(),
                        e.getMessage());
            }
            return Optional.empty();
        }
    }

    private Optional<ObjectInfo> copyByUrl(Backend source, ObjectInfo object, BlockBlobClient target) {
        String key = object.key();
        long blockSize = BlockUploader.blockSize(object.size(), config.copyBlockSize());
        Optional<URI> url = source.presignRead(key, validity(object.size()));
        if (url.isEmpty()) {
            LOG.debug("{} gives no URL for '{}'; streaming it into {}", source.name(), key, config.storeName());
            return Optional.empty();
        }
        // the listing carries no metadata, so ask the source once: its headers travel with the copy
        ObjectInfo described = source.require(key);
        if (described.size() != object.size()) {
            throw new IntegrityException(
                    config.storeName(),
                    key,
                    "'" + key + "' in " + source.name() + " has " + described.size() + " bytes, but " + object.size()
                            + " were listed: it changed since the listing");
        }
        Hashes declared = object.hashes().with(described.hashes());
        int count = (int) Math.ceilDiv(object.size(), blockSize);
        byte[] md5 = count == 1
                ? declared.get(HashKind.MD5).map(HexFormat.of()::parseHex).orElse(null)
                : null;
        List<String> ids = stage(target, key, url.get().toString(), object.size(), blockSize, count, md5);
        ObjectMetadata metadata = described.metadata() == null ? ObjectMetadata.EMPTY : described.metadata();
        BlockBlobCommitBlockListOptions commit = new BlockBlobCommitBlockListOptions(ids)
                .setHeaders(AzureObjects.headers(metadata, md5))
                .setMetadata(config.invalidMetadata().apply(config.storeName(), key, metadata.user()))
                .setTier(config.accessTier());
        BlockBlobItem item = errors.call(
                        "committing the copied blocks of",
                        key,
                        () -> target.commitBlockListWithResponse(commit, null, null))
                .getValue();
        return Optional.of(new ObjectInfo(
                key,
                object.size(),
                item.getLastModified() == null ? null : item.getLastModified().toInstant(),
                AzureObjects.unquote(item.getETag()),
                AzureObjects.md5(md5),
                null));
    }

    private List<String> stage(
            BlockBlobClient target, String key, String url, long size, long blockSize, int count, byte[] md5) {
        String upload = UUID.randomUUID().toString();
        PartPipeline blocks = new PartPipeline(
                config.blockConcurrency(),
                errors,
                "copying",
                key,
                cause -> cause instanceof CopySourceUnreadable unreadable
                        ? unreadable
                        : errors.map(cause, "copying a block of", key));
        return blocks.run(count, index -> {
            long offset = index * blockSize;
            String id = BlockUploader.blockId(upload, index);
            BlockBlobStageBlockFromUrlOptions options = new BlockBlobStageBlockFromUrlOptions(id, url)
                    .setSourceRange(new BlobRange(offset, Math.min(blockSize, size - offset)))
                    .setSourceContentMd5(md5);
            try {
                target.stageBlockFromUrlWithResponse(options, null, null);
            } catch (BlobStorageException e) {
                if (BlobErrorCode.CANNOT_VERIFY_COPY_SOURCE.equals(e.getErrorCode()) && e.getStatusCode() == 404) {
                    throw new CopySourceUnreadable("HTTP 404 " + e.getErrorCode());
                }
                throw errors.map(e, "copying a block of", key);
            }
            return id;
        });
    }

    /** The service answered that it could not reach the copy source at all. */
    private static final class CopySourceUnreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CopySourceUnreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** Long enough for the service to read the object at a slow 10 MB/s, and at least an hour. */
    private static Duration validity(long size) {
        return Duration.ofHours(1).plusSeconds(size / 10_000_000);
    }
}
