package com.atlan.storage.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.LongAdder;

/** An object body that counts the bytes read into the store's counter and remembers reaching the end. */
class CountingInputStream extends FilterInputStream {

    private final LongAdder received;
    private boolean ended;

    CountingInputStream(InputStream in, LongAdder received) {
        super(in);
        this.received = received;
    }

    /** Whether the body was read to its end. */
    final boolean ended() {
        return ended;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) ended = true;
        else received.increment();
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) ended = true;
        else received.add(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        received.add(skipped);
        return skipped;
    }
}
