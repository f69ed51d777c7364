package com.atlan.storage.migrate;

import com.atlan.storage.store.IntegrityException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Delivers exactly the listed number of bytes of a source object, or fails with an
 * {@link IntegrityException}: when the source ends early, or when it holds more bytes than listed
 * (checked by reading one byte past the end). Either means the object changed after it was listed,
 * and a copy of it must never count as migrated. Also reports bytes read to a progress callback.
 */
final class ExactLengthInputStream extends FilterInputStream {

    /** Receives byte counts as they are read. */
    interface ByteCounter {
        void add(long bytes);
    }

    private final String store;
    private final String key;
    private final long expected;
    private final ByteCounter counter;
    private long read;
    private boolean verifiedEnd;

    ExactLengthInputStream(InputStream in, String store, String key, long expected, ByteCounter counter) {
        super(in);
        this.store = store;
        this.key = key;
        this.expected = expected;
        this.counter = counter;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long remaining = expected - read;
        if (remaining <= 0) {
            verifyEnd();
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new IntegrityException(store, key, "'" + key + "' in " + store + " ended after " + read
                    + " bytes but was listed with " + expected + "; it changed during the migration");
        }
        read += n;
        counter.add(n);
        return n;
    }

    /** Fails unless exactly the expected bytes were read and the source has no more. */
    void verifyComplete() throws IOException {
        if (read != expected) {
            throw new IntegrityException(store, key, "read " + read + " of the " + expected + " bytes listed for '"
                    + key + "' in " + store);
        }
        verifyEnd();
    }

    private void verifyEnd() throws IOException {
        if (verifiedEnd) {
            return;
        }
        verifiedEnd = true;
        if (in.read() >= 0) {
            throw new IntegrityException(store, key, "'" + key + "' in " + store + " holds more than the "
                    + expected + " bytes it was listed with; it changed during the migration");
        }
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported while verifying a transfer");
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), Math.max(0, expected - read));
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
