package com.atlan.storage.azure;

import com.atlan.storage.store.ByteBudget;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PartPipeline;
import com.atlan.storage.store.PutOptions;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobStageBlockOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Writes a large object as staged blocks committed by one Put Block List: blocks are read one after another from the
 * source into buffers from the store's {@link ByteBudget} and staged in parallel on virtual threads.
 *
 * <p>Integrity: every block carries its Content-MD5, which the service checks; the MD5 of the whole object is
 * computed as the blocks are read, compared with the MD5 the source declared (if any) before the commit, and
 * recorded as the blob's Content-MD5. Nothing is visible under the key until the commit, so a short source, a
 * failed block or a wrong MD5 leaves the old object (or none); Azure discards uncommitted blocks within a week.
 */
final class BlockUploader {

    /** Azure's most blocks per blob. */
    private static final int MAX_BLOCKS = 50_000;

    private final AzureStoreConfig config;
    private final ByteBudget budget;
    private final AzureErrors errors;

    BlockUploader(AzureStoreConfig config, ByteBudget budget, AzureErrors errors) {
        this.config = config;
        this.budget = budget;
        this.errors = errors;
    }

    /** The block size for an object: the configured one, grown in whole MiB so there are at most 50,000 blocks. */
    static long blockSize(long length, long configured) {
        long needed = Math.ceilDiv(length, MAX_BLOCKS);
        return Math.max(configured, Math.ceilDiv(needed, AzureStoreConfig.MiB) * AzureStoreConfig.MiB);
    }

    ObjectInfo upload(BlockBlobClient blob, String key, InputStream data, long length, PutOptions options) {
        long blockSize = blockSize(length, config.blockSize());
        if (blockSize > Math.min(AzureStoreConfig.MAX_BLOCK, config.byteBudget())) {
            throw new IllegalArgumentException("object of " + length + " bytes needs blocks of " + blockSize
                    + " bytes, more than the byte budget or Azure's largest block");
        }
        MessageDigest whole = Md5.digest();
        List<String> ids = stage(blob, key, data, length, (int) blockSize, whole);
        byte[] md5 = whole.digest();
        String actual = HexFormat.of().formatHex(md5);
        String expected = options.expectedMd5();
        if (expected != null && !expected.equalsIgnoreCase(actual)) {
            throw errors.notTheDeclared(key, "MD5", actual, expected, "nothing was written");
        }
        BlockBlobCommitBlockListOptions commit = new BlockBlobCommitBlockListOptions(ids)
                .setHeaders(AzureObjects.headers(options.metadata(), md5))
                .setMetadata(config.invalidMetadata()
                        .apply(config.storeName(), key, options.metadata().user()))
                .setTier(config.accessTier());
        BlockBlobItem item = errors.call(
                        "committing the blocks of", key, () -> blob.commitBlockListWithResponse(commit, null, null))
                .getValue();
        return new ObjectInfo(
                key,
                length,
                item.getLastModified() == null ? null : item.getLastModified().toInstant(),
                AzureObjects.unquote(item.getETag()),
                Hashes.of(HashKind.MD5, actual),
                null);
    }

    private List<String> stage(
            BlockBlobClient blob, String key, InputStream data, long length, int blockSize, MessageDigest whole) {
        String upload = UUID.randomUUID().toString();
        PartPipeline blocks = new PartPipeline(
                config.blockConcurrency(),
                errors,
                "uploading",
                key,
                cause -> errors.map(cause, "uploading a block of", key));
        // the whole object's MD5 is taken as the blocks are read, one after another
        return blocks.upload(new DigestInputStream(data, whole), length, blockSize, budget, (index, buffer, size) -> {
            String id = blockId(upload, index);
            stageBlock(blob, key, id, buffer, size);
            return id;
        });
    }

    private void stageBlock(BlockBlobClient blob, String key, String id, byte[] buffer, int size) {
        byte[] md5 = Md5.of(buffer, size);
        BlockBlobStageBlockOptions options = new BlockBlobStageBlockOptions(
                        id, BinaryData.fromByteBuffer(ByteBuffer.wrap(buffer, 0, size)))
                .setContentMd5(md5);
        errors.call("uploading a block of", key, () -> blob.stageBlockWithResponse(options, null, null));
    }

    /** A block id unique to one upload: Azure wants base64 ids of one length within a blob. */
    static String blockId(String upload, int index) {
        ByteBuffer id = ByteBuffer.allocate(40).order(ByteOrder.BIG_ENDIAN);
        id.put(upload.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 36);
        id.putInt(index);
        return Base64.getEncoder().encodeToString(id.array());
    }
}
