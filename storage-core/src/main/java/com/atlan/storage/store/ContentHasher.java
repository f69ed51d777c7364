package com.atlan.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Computes several {@link HashKind}s of one byte stream in a single pass. Kinds this JVM cannot compute
 * ({@link #computable}) are left out. Not thread-safe; one instance per stream.
 */
public final class ContentHasher {

    private final Map<HashKind, MessageDigest> digests = new EnumMap<>(HashKind.class);
    private final CRC32C crc32c;

    /** A hasher of every kind in {@code kinds} this JVM can compute. */
    public ContentHasher(Set<HashKind> kinds) {
        for (HashKind kind : kinds) {
            if (kind.jcaName() != null) {
                digests.put(kind, digest(kind.jcaName()));
            }
        }
        this.crc32c = kinds.contains(HashKind.CRC32C) ? new CRC32C() : null;
    }

    /** The kinds of {@code wanted} this JVM can compute. */
    public static Set<HashKind> computable(Set<HashKind> wanted) {
        EnumSet<HashKind> result = EnumSet.noneOf(HashKind.class);
        for (HashKind kind : wanted) {
            if (kind.jcaName() != null || kind == HashKind.CRC32C) {
                result.add(kind);
            }
        }
        return result;
    }

    /** Whether there is anything to compute. */
    public boolean isEmpty() {
        return digests.isEmpty() && crc32c == null;
    }

    /** Feeds {@code length} bytes. */
    public void update(byte[] bytes, int offset, int length) {
        for (MessageDigest d : digests.values()) {
            d.update(bytes, offset, length);
        }
        if (crc32c != null) {
            crc32c.update(bytes, offset, length);
        }
    }

    /** Feeds everything {@code in} holds, to its end (it is not closed); returns how many bytes that was. */
    public long feed(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            update(buffer, 0, n);
            total += n;
        }
        return total;
    }

    /** The hashes of everything fed; call once. */
    public Hashes finish() {
        Hashes result = Hashes.none();
        for (Map.Entry<HashKind, MessageDigest> e : digests.entrySet()) {
            result = result.with(
                    e.getKey(), HexFormat.of().formatHex(e.getValue().digest()));
        }
        if (crc32c != null) {
            result = result.with(HashKind.CRC32C, String.format("%08x", crc32c.getValue()));
        }
        return result;
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing from this JVM", e);
        }
    }
}
