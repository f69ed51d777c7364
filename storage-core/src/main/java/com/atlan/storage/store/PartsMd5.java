package com.atlan.storage.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks bytes against an S3 multipart entity tag ({@link HashKind#MD5_OF_PARTS}), whose part size is not in the
 * tag: it hashes the stream once per usual part size that gives the tag's part count for the object's size (the SDKs'
 * and tools' defaults: 5 MiB for the Go SDK, Dapr and rclone, 8 MiB for boto3 and the AWS CLI, and so on), so a
 * match proves the content. No match proves nothing (the uploader may have used another part size), so the caller
 * needs other evidence then. Not thread-safe; one per stream.
 */
public final class PartsMd5 {

    private static final long MIB = 1024 * 1024;

    /** Part sizes tried, in MiB: common tool and SDK defaults. */
    private static final long[] USUAL_PART_SIZES_MIB = {5, 6, 8, 10, 15, 16, 25, 32, 50, 64, 100, 128, 256, 512};

    private final String declared;
    private final List<Candidate> candidates = new ArrayList<>();

    /** A checker of {@code size} bytes against {@code declared} ({@code <32 hex>-<N>}). */
    public PartsMd5(long size, String declared) {
        this.declared = declared;
        int parts = partCount(declared);
        for (long mib : USUAL_PART_SIZES_MIB) {
            long partSize = mib * MIB;
            long fitting = size == 0 ? 1 : (size + partSize - 1) / partSize;
            if (parts >= 1 && fitting == parts && (parts > 1 || candidates.isEmpty())) {
                candidates.add(new Candidate(partSize));
            }
        }
    }

    /** The part count of a multipart tag {@code <32 hex>-<N>}, or -1 when it has not that form. */
    public static int partCount(String tag) {
        if (tag == null || tag.length() < 34 || tag.charAt(32) != '-' || !Hashes.isHex(tag.substring(0, 32))) {
            return -1;
        }
        try {
            int n = Integer.parseInt(tag.substring(33));
            return n >= 1 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether some usual part size fits the tag at all (otherwise hashing is wasted). */
    public boolean hasCandidates() {
        return !candidates.isEmpty();
    }

    /** Feeds {@code length} bytes. */
    public void update(byte[] bytes, int offset, int length) {
        for (Candidate c : candidates) {
            c.update(bytes, offset, length);
        }
    }

    /** Whether the bytes fed have the declared tag under one of the part sizes tried; call once, at the end. */
    public boolean matches() {
        for (Candidate c : candidates) {
            if (c.finish().equals(declared)) {
                return true;
            }
        }
        return false;
    }

    /** The running hashes for one part size. */
    private static final class Candidate {
        private final long partSize;
        private final MessageDigest part = md5();
        private final MessageDigest ofParts = md5();
        private long inPart;
        private int parts;

        Candidate(long partSize) {
            this.partSize = partSize;
        }

        void update(byte[] bytes, int offset, int length) {
            while (length > 0) {
                int n = (int) Math.min(length, partSize - inPart);
                part.update(bytes, offset, n);
                inPart += n;
                offset += n;
                length -= n;
                if (inPart == partSize) {
                    endPart();
                }
            }
        }

        private void endPart() {
            ofParts.update(part.digest());
            inPart = 0;
            parts++;
        }

        String finish() {
            if (inPart > 0 || parts == 0) {
                endPart();
            }
            return HexFormat.of().formatHex(ofParts.digest()) + "-" + parts;
        }

        private static MessageDigest md5() {
            try {
                return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is missing from this JVM", e);
            }
        }
    }
}
