package com.atlan.storage.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks bytes against an S3 multipart entity tag ({@link HashKind#MD5_OF_PARTS}), whose part size is not in the
 * tag: it hashes the stream once per usual part size that gives the tag's part count for the object's size (the SDKs'
 * and tools' defaults: 5 MiB for the Go SDK, Dapr and rclone, 8 MiB for boto3 and the AWS CLI, and so on), so a
 * match proves the content. No match proves nothing (the uploader may have used another part size), so the caller
 * needs other evidence then. The MD5s of the parts just hashed are kept for a writer that sends the same parts
 * ({@link #partMd5}), so the bytes are hashed once. Feeding is not thread-safe (one reader per stream); {@link #partMd5}
 * may be called from any thread.
 */
public final class PartsMd5 implements PartMd5Source {

    private static final long MIB = 1024 * 1024;

    /** Part sizes tried, in MiB: common tool and SDK defaults. */
    private static final long[] USUAL_PART_SIZES_MIB = {5, 6, 8, 10, 15, 16, 25, 32, 50, 64, 100, 128, 256, 512};

    /** Part MD5s kept per part size for a writer: enough for the parts a writer has read but not yet sent. */
    private static final int KEPT_PART_MD5S = 256;

    private final String declared;
    private final List<Candidate> candidates = new ArrayList<>();

    /** A checker of {@code size} bytes against {@code declared} ({@code <32 hex>-<N>}). */
    public PartsMd5(long size, String declared) {
        this.declared = declared;
        for (long partSize : fittingPartSizes(size, declared)) {
            candidates.add(new Candidate(partSize, size));
        }
    }

    /**
     * The part size the uploader of an object of {@code size} bytes with multipart tag {@code declared} most likely
     * used: the one usual part size that gives the tag's part count, or {@code preferred} when it is one of several
     * that do; empty when none fits, several fit and none is {@code preferred}, or the tag has one part. A writer that
     * uses it gives the copy the source's tag.
     */
    public static OptionalLong likelyPartSize(long size, String declared, long preferred) {
        if (partCount(declared) < 2) {
            return OptionalLong.empty();
        }
        List<Long> fitting = fittingPartSizes(size, declared);
        if (fitting.contains(preferred)) {
            return OptionalLong.of(preferred);
        }
        return fitting.size() == 1 ? OptionalLong.of(fitting.get(0)) : OptionalLong.empty();
    }

    private static List<Long> fittingPartSizes(long size, String declared) {
        int parts = partCount(declared);
        List<Long> fitting = new ArrayList<>();
        for (long mib : USUAL_PART_SIZES_MIB) {
            long partSize = mib * MIB;
            long count = size == 0 ? 1 : (size + partSize - 1) / partSize;
            if (parts >= 1 && count == parts && (parts > 1 || fitting.isEmpty())) {
                fitting.add(partSize);
            }
        }
        return fitting;
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

    @Override
    public Optional<byte[]> partMd5(long offset, long length) {
        for (Candidate c : candidates) {
            Optional<byte[]> md5 = c.take(offset, length);
            if (md5.isPresent()) {
                return md5;
            }
        }
        return Optional.empty();
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
        private final long size;
        private final MessageDigest part = md5();
        private final MessageDigest ofParts = md5();
        private long fed;
        private long inPart;
        private int parts;
        /** Recent parts' MD5s by offset (the key's part length is {@code partSize}, or less for the last part). */
        private final Map<Long, byte[]> recent = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                return size() > KEPT_PART_MD5S;
            }
        };

        Candidate(long partSize, long size) {
            this.partSize = partSize;
            this.size = size;
        }

        void update(byte[] bytes, int offset, int length) {
            while (length > 0) {
                int n = (int) Math.min(length, partSize - inPart);
                part.update(bytes, offset, n);
                inPart += n;
                fed += n;
                offset += n;
                length -= n;
                // the last part ends with the object's last byte, so a writer has its MD5 as soon as it read it
                if (inPart == partSize || fed == size) {
                    endPart();
                }
            }
        }

        private void endPart() {
            byte[] md5 = part.digest();
            ofParts.update(md5);
            synchronized (recent) {
                recent.put(fed - inPart, md5);
            }
            inPart = 0;
            parts++;
        }

        Optional<byte[]> take(long offset, long length) {
            boolean whole = length == partSize || (length < partSize && offset + length == size);
            if (!whole || offset % partSize != 0) {
                return Optional.empty();
            }
            synchronized (recent) {
                return Optional.ofNullable(recent.remove(offset));
            }
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
