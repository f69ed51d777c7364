package com.atlan.storage.s3;

import com.atlan.storage.store.ByteBudget;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PartMd5Source;
import com.atlan.storage.store.PartPipeline;
import com.atlan.storage.store.PartsMd5;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StorageException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a large object as a multipart upload: parts are read one after another from the source into buffers from
 * the store's {@link ByteBudget} and uploaded in parallel on virtual threads.
 *
 * <p>A source uploaded in parts of a usual size small enough for the byte budget ({@link PartsMd5#likelyPartSize}) is
 * written in the same parts, so the copy's ETag is the source's, and the parts' MD5s come from the engine's check of
 * the source ({@link PartMd5Source}) instead of a second pass over the bytes.
 *
 * <p>Integrity: every part carries its Content-MD5 (the server refuses other bytes) and its returned ETag must be that
 * MD5 where the answer vouches for it; the final ETag, when it has S3's form {@code md5(part md5s)-N}, must be exactly
 * that; a plain MD5 (some servers give the whole object's) is left for the caller, who may know the whole MD5; an empty
 * one is read back with a HEAD, which also checks the size. A completed object that fails a check is deleted
 * ({@link WriteCheck}). Any failure before completion, an interrupt included, aborts the upload on the server, so no
 * invisible parts are left behind.
 */
final class MultipartUploader {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploader.class);
    private static final int MAX_PARTS = 10_000;

    private final S3Requests requests;
    private final S3StoreConfig config;
    private final S3Objects objects;
    private final ByteBudget budget;
    private final S3Errors errors;
    private final WriteCheck check;
    private final LongAdder sent;

    MultipartUploader(
            S3Requests requests,
            S3StoreConfig config,
            S3Objects objects,
            ByteBudget budget,
            S3Errors errors,
            WriteCheck check,
            LongAdder sent) {
        this.requests = requests;
        this.config = config;
        this.objects = objects;
        this.budget = budget;
        this.errors = errors;
        this.check = check;
        this.sent = sent;
    }

    /** The part size for an object: the configured size, grown in whole MiB so there are at most 10,000 parts. */
    static long partSize(long length, long configured) {
        long needed = Math.ceilDiv(length, MAX_PARTS);
        long mib = S3StoreConfig.MiB;
        return Math.max(configured, Math.ceilDiv(needed, mib) * mib);
    }

    /**
     * The part size for an object the source declares a multipart tag for: the source's own part size where it is
     * recognised and at most an even share of the byte budget among the parts in flight, else the configured one.
     */
    long partSizeFor(long length, PutOptions options) {
        long configured = config.partSize();
        long share = Math.max(configured, config.byteBudget() / config.partConcurrency());
        String tag = options.expected().get(HashKind.MD5_OF_PARTS).orElse(null);
        long sourcePartSize = tag == null
                ? configured
                : PartsMd5.likelyPartSize(length, tag, configured).orElse(configured);
        long chosen = sourcePartSize >= S3StoreConfig.MIN_PART && sourcePartSize <= share ? sourcePartSize : configured;
        return partSize(length, chosen);
    }

    /** Uploads {@code length} bytes of {@code data}; returns what the server recorded (from a HEAD). */
    ObjectInfo upload(String key, InputStream data, long length, PutOptions options) {
        long partSize = partSizeFor(length, options);
        if (partSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("object of " + length + " bytes is too large for buffered multipart");
        }
        String uploadId = requests.createMultipartUpload(key, options);
        S3Requests.Written done;
        List<byte[]> digests = new ArrayList<>();
        boolean completed = false;
        try {
            List<String> etags = uploadParts(key, uploadId, data, length, (int) partSize, digests);
            done = requests.completeMultipartUpload(key, uploadId, etags);
            completed = true;
        } finally {
            if (!completed) {
                abort(requests, config, key, uploadId);
            }
        }
        return verify(key, length, done, Md5.multipartEtag(digests));
    }

    /**
     * Checks a completed upload: the size always (HEAD), and the ETag where its form says what it should be. A failed
     * check deletes the object.
     */
    private ObjectInfo verify(String key, long length, S3Requests.Written done, String expectedEtag) {
        String answered = done.etag();
        // a failing HEAD fails this attempt; the upload stands and the engine's next attempt overwrites it
        ObjectInfo head = requests.head(key).orElse(null);
        IntegrityException problem = null;
        if (head == null) {
            problem = errors.mismatch(key, "the completed object", "present", "missing");
        } else if (head.size() != length) {
            problem = errors.mismatch(key, "the size", Long.toString(length), Long.toString(head.size()));
        } else {
            // an empty answer (some servers give none) is read from the HEAD, as S3 lists it
            String etag = answered == null || answered.isEmpty() ? head.etag() : answered;
            // under KMS or a customer key a multipart ETag is no MD5 of the parts either
            boolean opaque = S3Objects.encryptedOpaquely(done.headers()) || !objects.etagsMayBeMd5();
            if (etag != null && etag.contains("-") && !opaque && !expectedEtag.equals(etag)) {
                problem = errors.mismatch(key, "the multipart ETag", expectedEtag, etag);
            }
        }
        if (problem != null) {
            throw check.discard(key, problem);
        }
        return head;
    }

    private List<String> uploadParts(
            String key, String uploadId, InputStream data, long length, int partSize, List<byte[]> digests) {
        PartPipeline parts =
                new PartPipeline(config.partConcurrency(), errors, "uploading", key, PartPipeline::rethrown);
        List<String> etags = new ArrayList<>();
        for (PartResult result : parts.upload(
                data,
                length,
                partSize,
                budget,
                (index, buffer, size) -> uploadPart(
                        key, uploadId, index + 1, buffer, size, md5(data, (long) index * partSize, buffer, size)))) {
            etags.add(result.etag());
            digests.add(result.md5());
        }
        return etags;
    }

    private record PartResult(String etag, byte[] md5) {}

    /** The MD5 of a part: from the source stream when it hashed exactly these bytes already, else computed here. */
    private static byte[] md5(InputStream data, long offset, byte[] buffer, int size) {
        if (data instanceof PartMd5Source source) {
            return source.partMd5(offset, size).orElseGet(() -> Md5.of(buffer, size));
        }
        return Md5.of(buffer, size);
    }

    private PartResult uploadPart(String key, String uploadId, int number, byte[] buffer, int size, byte[] md5) {
        S3Requests.Written part = requests.uploadPart(key, uploadId, number, buffer, size, md5);
        String etag = part.etag();
        sent.add(size);
        if (etag == null || etag.isEmpty()) {
            throw errors.mismatch(key, "the ETag of part " + number, Md5.hex(md5), "missing");
        }
        // the part was sent with its Content-MD5, which the server checked; its ETag is compared where it is an MD5
        if (S3Objects.hasMd5Form(etag)
                && objects.etagIsMd5(etag, part.headers())
                && !Md5.hex(md5).equals(etag)) {
            throw errors.mismatch(key, "the ETag of part " + number, Md5.hex(md5), etag);
        }
        return new PartResult(etag, md5);
    }

    /**
     * Aborts an upload, even from an interrupted thread (a cancelled migration must not leave parts behind); a failure
     * is logged, since a later run finds and aborts what is left ({@code Backend.abortIncompleteWrites}).
     */
    static void abort(S3Requests requests, S3StoreConfig config, String key, String uploadId) {
        try {
            Uninterrupted.run(() -> requests.abortMultipartUpload(key, uploadId));
        } catch (StorageException e) {
            LOG.warn(
                    "could not abort multipart upload {} of '{}' in {}; a later run, or a bucket lifecycle rule,"
                            + " removes it: {}",
                    uploadId,
                    key,
                    config.storeName(),
                    e.getMessage());
        }
    }
}
