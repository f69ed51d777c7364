package com.atlan.storage.s3.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A response body framed by Content-Length, chunked encoding or the end of the connection. Reaching
 * its end hands the connection back to the pool (when keep-alive allows); closing it before the end
 * discards the connection rather than downloading the rest.
 */
final class ResponseBody extends InputStream {

    /** Framing: {@code remaining} bytes, chunks, or everything until the server closes. */
    enum Framing {
        LENGTH,
        CHUNKED,
        UNTIL_CLOSE
    }

    private final HttpConnectionPool pool;
    private final HttpConnection connection;
    private final Framing framing;
    private final boolean keepAlive;
    private long remaining; // of the body (LENGTH) or of the current chunk (CHUNKED)
    private boolean lastChunk;
    private boolean chunkStarted;
    private boolean done;

    ResponseBody(HttpConnectionPool pool, HttpConnection connection, Framing framing, long length, boolean keepAlive) {
        this.pool = pool;
        this.connection = connection;
        this.framing = framing;
        this.keepAlive = keepAlive && framing != Framing.UNTIL_CLOSE;
        this.remaining = framing == Framing.LENGTH ? length : 0;
        if (framing == Framing.LENGTH && length == 0) finish(true);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) return -1;
        if (len == 0) return 0;
        try {
            if (framing == Framing.CHUNKED && remaining == 0 && !nextChunk()) {
                return -1;
            }
            int want = framing == Framing.UNTIL_CLOSE ? len : (int) Math.min(len, remaining);
            int n = connection.read(b, off, want);
            if (n < 0) {
                if (framing == Framing.UNTIL_CLOSE) {
                    finish(false);
                    return -1;
                }
                throw new IOException("connection closed with " + remaining + " bytes of the response body missing");
            }
            remaining -= n;
            if (framing == Framing.LENGTH && remaining == 0) finish(true);
            return n;
        } catch (IOException | RuntimeException e) {
            finish(false);
            throw e;
        }
    }

    @Override
    public int available() {
        return 0;
    }

    /** Starts the next chunk; false (and the connection released) after the last one and its trailers. */
    private boolean nextChunk() throws IOException {
        if (lastChunk) return false;
        if (chunkStarted && !connection.readLine().isEmpty()) { // the CR LF after the previous chunk's data
            throw new IOException("malformed chunked body");
        }
        String line = connection.readLine();
        int semi = line.indexOf(';');
        long size;
        try {
            size = Long.parseLong((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("malformed chunk size");
        }
        if (size < 0) {
            throw new IOException("malformed chunk size");
        }
        chunkStarted = true;
        if (size == 0) {
            for (int trailers = 0; !connection.readLine().isEmpty(); trailers++) {
                if (trailers >= HttpConnection.MAX_HEADERS) throw new IOException("too many trailers");
            }
            lastChunk = true;
            finish(true);
            return false;
        }
        remaining = size;
        return true;
    }

    @Override
    public void close() {
        if (!done) {
            // a LENGTH body read to its end is already released; anything else still has bytes in flight
            finish(false);
        }
    }

    private void finish(boolean complete) {
        if (done) return;
        done = true;
        pool.release(connection, complete && keepAlive && !connection.hasUnreadBytes());
    }
}
