package com.atlan.storage.testing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Streams that go wrong in one precise way, for integrity and failure tests. */
public final class DamagedStreams {

    private DamagedStreams() {}

    /** {@code in} with one bit flipped in the byte at {@code position}; the length is unchanged. */
    public static InputStream flippingBitAt(InputStream in, long position) {
        return new FilterInputStream(in) {
            private long offset;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0 && position >= offset && position < offset + n) {
                    b[off + (int) (position - offset)] ^= 0x20;
                }
                offset += Math.max(n, 0);
                return n;
            }
        };
    }

    /** {@code in} that throws an {@link IOException} with {@code message} once more than {@code bytes} were read. */
    public static InputStream failingAfter(InputStream in, long bytes, String message) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > bytes) throw new IOException(message);
                int n = super.read(b, off, len);
                read += Math.max(n, 0);
                return n;
            }
        };
    }
}
