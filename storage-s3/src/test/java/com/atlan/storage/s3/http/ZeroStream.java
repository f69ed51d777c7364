package com.atlan.storage.s3.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** {@code length} zero bytes, for request bodies of any size; each read can first wait, as a slow source does. */
final class ZeroStream extends InputStream {

    private long left;
    private final long pauseMillis;

    ZeroStream(long length) {
        this(length, 0);
    }

    ZeroStream(long length, long pauseMillis) {
        this.left = length;
        this.pauseMillis = pauseMillis;
    }

    @Override
    public int read() throws IOException {
        return read(new byte[1], 0, 1) < 0 ? -1 : 0;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) return -1;
        if (pauseMillis > 0) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        int n = (int) Math.min(len, left);
        Arrays.fill(b, off, off + n, (byte) 0);
        left -= n;
        return n;
    }
}
