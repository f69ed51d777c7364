package com.atlan.storage.gcs;

import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.ObjectInfo;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BlobWriteSession;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobTargetOption;
import com.google.cloud.storage.Storage.BlobWriteOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes objects with their hashes checked by the service before they become visible.
 *
 * <ul>
 *   <li>Up to {@code singlePutLimit}: buffered, hashed here (CRC32C and MD5), compared with what the source declared,
 *       and sent as one multipart upload carrying both hashes, which the service checks.
 *   <li>Larger: streamed as a resumable upload in chunks. Hashes the source declared go with the upload and the
 *       service checks them when it finalises; the CRC32C is also computed here and compared with the one the
 *       service recorded, and a mismatch deletes the object. A source that ends early is never finalised, so no
 *       object appears (the service drops the unfinished session).
 * </ul>
 */
final class GcsUploader {

    private static final Logger LOG = LoggerFactory.getLogger(GcsUploader.class);
    private static final int READ = 1024 * 1024;

    private final GcsStoreConfig config;
    private final Storage storage;
    private final GcsErrors errors;

    GcsUploader(GcsStoreConfig config, Storage storage, GcsErrors errors) {
        this.config = config;
        this.storage = storage;
        this.errors = errors;
    }

    ObjectInfo putSingle(String key, BlobInfo.Builder info, InputStream data, int length, Hashes expected) {
        byte[] buffer = new byte[length];
        int read;
        try {
            read = data.readNBytes(buffer, 0, length);
        } catch (IOException e) {
            throw errors.sourceFailed(key, 0, e);
        }
        if (read < length) {
            throw errors.shortSource(key, read, length);
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer, 0, length);
        MessageDigest md5 = md5();
        md5.update(buffer, 0, length);
        Hashes actual = Hashes.of(HashKind.CRC32C, crc32c(crc))
                .with(HashKind.MD5, HexFormat.of().formatHex(md5.digest()));
        checkDeclared(key, actual, expected);
        BlobInfo withHashes = info.setCrc32c(
                        GcsObjects.base64(actual.get(HashKind.CRC32C).orElseThrow()))
                .setMd5(GcsObjects.base64(actual.get(HashKind.MD5).orElseThrow()))
                .build();
        Blob blob = errors.call(
                "writing",
                key,
                GcsErrors.Target.BUCKET,
                () -> storage.create(withHashes, buffer, 0, length, BlobTargetOption.disableGzipContent()));
        return checkRecorded(key, GcsObjects.described(blob, false), actual);
    }

    // md5Match is deprecated without a replacement for resumable uploads; it is what makes the client send md5Hash
    @SuppressWarnings("deprecation")
    ObjectInfo putResumable(String key, BlobInfo.Builder info, InputStream data, long length, Hashes expected) {
        List<BlobWriteOption> options = new ArrayList<>();
        options.add(BlobWriteOption.disableGzipContent());
        expected.get(HashKind.MD5).ifPresent(md5 -> {
            info.setMd5(GcsObjects.base64(md5));
            options.add(BlobWriteOption.md5Match());
        });
        expected.get(HashKind.CRC32C).ifPresent(crc -> {
            info.setCrc32c(GcsObjects.base64(crc));
            options.add(BlobWriteOption.crc32cMatch());
        });
        BlobInfo blobInfo = info.build();
        BlobWriteSession session = storage.blobWriteSession(blobInfo, options.toArray(BlobWriteOption[]::new));
        WritableByteChannel channel = errors.call("starting the upload of", key, GcsErrors.Target.BUCKET, () -> {
            try {
                return session.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CRC32C crc = new CRC32C();
        // a declared MD5 is also checked here, before the upload is finished: no object appears with other bytes
        MessageDigest md5 = expected.get(HashKind.MD5).isPresent() ? md5() : null;
        byte[] buffer = new byte[(int) Math.min(READ, Math.max(1, length))];
        long sent = 0;
        while (sent < length) {
            int n;
            try {
                n = data.read(buffer, 0, (int) Math.min(buffer.length, length - sent));
            } catch (IOException e) {
                throw errors.sourceFailed(key, sent, e); // the session is never finished: no object appears
            }
            if (n < 0) {
                throw errors.shortSource(key, sent, length);
            }
            crc.update(buffer, 0, n);
            if (md5 != null) {
                md5.update(buffer, 0, n);
            }
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
            errors.call("uploading", key, GcsErrors.Target.BUCKET, () -> {
                try {
                    while (chunk.hasRemaining()) {
                        channel.write(chunk);
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            sent += n;
        }
        Hashes actual = Hashes.of(HashKind.CRC32C, crc32c(crc))
                .with(HashKind.MD5, md5 == null ? null : HexFormat.of().formatHex(md5.digest()));
        checkDeclared(key, actual, expected);
        BlobInfo written;
        try {
            channel.close();
            written = session.getResult().get();
        } catch (IOException | ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException || e instanceof IOException ? e.getCause() : e;
            if (cause instanceof com.google.cloud.storage.StorageException se && se.getCode() == 400) {
                // the service refuses to finish an upload whose bytes lack the declared hashes; nothing was stored
                throw errors.refusedFinish(key, expected, se);
            }
            throw errors.map(cause == null ? e : cause, "finishing the upload of", key, GcsErrors.Target.BUCKET);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.map(e, "finishing the upload of", key, GcsErrors.Target.BUCKET);
        }
        return checkRecorded(key, GcsObjects.described(written, false), actual.with(expected));
    }

    private void checkDeclared(String key, Hashes actual, Hashes expected) {
        for (HashKind kind : actual.kinds()) {
            String declared = expected.get(kind).orElse(null);
            String computed = actual.get(kind).orElseThrow();
            if (declared != null && !declared.equals(computed)) {
                throw errors.notTheDeclared(key, kind.name(), computed, declared);
            }
        }
    }

    /** What the service recorded must have the hashes of the bytes sent; a bad object is deleted. */
    private ObjectInfo checkRecorded(String key, ObjectInfo recorded, Hashes sent) {
        if (recorded.hashes().compare(sent) == Hashes.Comparison.DIFFERENT) {
            try {
                storage.delete(
                        recorded.etag() == null
                                ? com.google.cloud.storage.BlobId.of(config.bucket(), key)
                                : com.google.cloud.storage.BlobId.of(
                                        config.bucket(), key, Long.parseLong(recorded.etag())));
            } catch (RuntimeException e) {
                LOG.warn("could not delete the bad copy of '{}' in {}: {}", key, config.storeName(), e.getMessage());
            }
            throw errors.mismatch(
                    key, "the content hash", sent.toString(), recorded.hashes().toString());
        }
        return recorded;
    }

    private static String crc32c(CRC32C crc) {
        return String.format("%08x", crc.getValue());
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
