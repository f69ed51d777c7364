package com.atlan.storage.store;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Content hashes of one object, by kind, as lowercase hex. A backend reports a hash only when it knows it is
 * a hash of the content: an S3 entity tag is reported as {@link HashKind#MD5} only when the server says the
 * object is a single-part upload without KMS or customer-key encryption. Immutable.
 */
public final class Hashes {

    private static final Hashes NONE = new Hashes(new EnumMap<>(HashKind.class));

    private final Map<HashKind, String> values;

    private Hashes(EnumMap<HashKind, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** No hashes. */
    public static Hashes none() {
        return NONE;
    }

    /** One hash; {@code hex} is checked and lowercased; {@code null} gives {@link #none()}. */
    public static Hashes of(HashKind kind, String hex) {
        return NONE.with(kind, hex);
    }

    /** These hashes plus {@code kind}; a {@code null} value leaves them unchanged. */
    public Hashes with(HashKind kind, String hex) {
        if (hex == null) {
            return this;
        }
        EnumMap<HashKind, String> copy = values.isEmpty() ? new EnumMap<>(HashKind.class) : new EnumMap<>(values);
        copy.put(kind, normalise(kind, hex));
        return new Hashes(copy);
    }

    /** These hashes plus every hash of {@code other} (other's value wins for a kind both have). */
    public Hashes with(Hashes other) {
        if (other.values.isEmpty()) {
            return this;
        }
        if (values.isEmpty()) {
            return other;
        }
        EnumMap<HashKind, String> copy = new EnumMap<>(values);
        copy.putAll(other.values);
        return new Hashes(copy);
    }

    /** The hash of {@code kind} as lowercase hex, if known. */
    public Optional<String> get(HashKind kind) {
        return Optional.ofNullable(values.get(kind));
    }

    /** The kinds known. */
    public Set<HashKind> kinds() {
        return values.keySet();
    }

    /** Whether no hash is known. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Compares with {@code other} on the kinds both know: {@link Comparison#SAME} when all of them agree,
     * {@link Comparison#DIFFERENT} when one differs, {@link Comparison#UNKNOWN} when they share no kind.
     * {@link HashKind#MD5_OF_PARTS} is left out: two uploads of one content in different part sizes have different
     * tags (it is checked against bytes by {@link PartsMd5} instead).
     */
    public Comparison compare(Hashes other) {
        Comparison result = Comparison.UNKNOWN;
        for (Map.Entry<HashKind, String> e : values.entrySet()) {
            if (e.getKey() == HashKind.MD5_OF_PARTS) {
                continue;
            }
            String theirs = other.values.get(e.getKey());
            if (theirs != null) {
                if (!theirs.equals(e.getValue())) {
                    return Comparison.DIFFERENT;
                }
                result = Comparison.SAME;
            }
        }
        return result;
    }

    /** The outcome of {@link #compare}. */
    public enum Comparison {
        SAME,
        DIFFERENT,
        UNKNOWN
    }

    private static String normalise(HashKind kind, String hex) {
        if (kind == HashKind.MD5_OF_PARTS) {
            if (PartsMd5.partCount(hex) < 1) {
                throw new IllegalArgumentException(
                        kind + " must be 32 hex digits, '-' and a part count, not '" + hex + "'");
            }
            return hex.toLowerCase(Locale.ROOT);
        }
        int expected = switch (kind) {
            case MD5 -> 32;
            case CRC32C -> 8;
            case CRC64NVME -> 16;
            case SHA256 -> 64;
            case MD5_OF_PARTS -> throw new AssertionError(kind);
        };
        if (hex.length() != expected || !isHex(hex)) {
            throw new IllegalArgumentException(kind + " must be " + expected + " hex digits, not '" + hex + "'");
        }
        return hex.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code s} holds only hex digits (a plain loop: this runs for every object listed). */
    public static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hashes h && h.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
