package com.atlan.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A reproducible stream of pseudo-random bytes: the same seed and length always give the same bytes,
 * so tests can write large objects and check them without holding them in memory.
 */
public final class SeededInputStream extends InputStream {

    private final SplittableRandom random;
    private long remaining;
    private long word;
    private int wordBytesLeft;

    /** {@code length} bytes derived from {@code seed}. */
    public SeededInputStream(long seed, long length) {
        this.random = new SplittableRandom(seed);
        this.remaining = length;
    }

    /** The SHA-256 (hex) of the bytes a stream with this seed and length yields. */
    public static String sha256(long seed, long length) {
        return sha256Of(new SeededInputStream(seed, length));
    }

    /** The MD5 (hex) of the bytes a stream with this seed and length yields, as S3 ETags and Content-MD5 use. */
    public static String md5(long seed, long length) {
        return hexDigest("MD5", new SeededInputStream(seed, length));
    }

    /** The SHA-256 (hex) of everything {@code in} yields; the stream is consumed and closed. */
    public static String sha256Of(InputStream in) {
        return hexDigest("SHA-256", in);
    }

    private static String hexDigest(String algorithm, InputStream in) {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes for a seed and a small length, for tests that compare content directly. */
    public static byte[] bytes(long seed, int length) {
        try (InputStream in = new SeededInputStream(seed, length)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int read() {
        if (remaining <= 0) return -1;
        remaining--;
        return nextByte() & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        if (remaining <= 0) return -1;
        int n = (int) Math.min(len, remaining);
        for (int i = 0; i < n; i++) {
            b[off + i] = nextByte();
        }
        remaining -= n;
        return n;
    }

    private byte nextByte() {
        if (wordBytesLeft == 0) {
            word = random.nextLong();
            wordBytesLeft = 8;
        }
        byte b = (byte) word;
        word >>>= 8;
        wordBytesLeft--;
        return b;
    }
}
