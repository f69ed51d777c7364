package com.atlan.storage.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * An object body being read: counts the bytes received, and when closed before the end aborts the
 * HTTP connection instead of letting the client drain the rest of a possibly huge body.
 */
final class S3ReadStream extends FilterInputStream {

    private final ResponseInputStream<?> response;
    private final LongAdder received;
    private boolean ended;

    S3ReadStream(ResponseInputStream<?> response, LongAdder received) {
        super(response);
        this.response = response;
        this.received = received;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) ended = true;
        else received.increment();
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) ended = true;
        else received.add(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        received.add(skipped);
        return skipped;
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            response.abort();
        }
        super.close();
    }
}
