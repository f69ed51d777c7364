package com.atlan.storage.migrate;

import com.atlan.storage.store.ContentHasher;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.IntegrityException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Delivers exactly the listed number of bytes of a source object, hashing them on the way, or fails with an
 * {@link IntegrityException}: when the source ends early, holds more bytes than listed (checked by reading one
 * byte past the end), or its bytes do not have the hashes the source declares.
 *
 * <p>The checks run before the last byte is handed on, so a store that writes atomically never commits a bad
 * object. A store may wrap the exception it sees; {@link #failure()} keeps the original. Also reports bytes
 * read to a progress callback.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final String store;
    private final String key;
    private final long expected;
    private final ContentHasher hasher;
    private final Hashes declared;
    private final LongConsumer counter;
    private long read;
    private boolean verified;
    private Hashes computed = Hashes.none();
    private IntegrityException failure;

    /**
     * @param hasher   hashes the bytes read, or {@code null} for none
     * @param declared the hashes the source declares, checked against what {@code hasher} computes
     */
    VerifyingInputStream(
            InputStream in,
            String store,
            String key,
            long expected,
            ContentHasher hasher,
            Hashes declared,
            LongConsumer counter) {
        super(in);
        this.store = store;
        this.key = key;
        this.expected = expected;
        this.hasher = hasher;
        this.declared = declared;
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
            throw fail("'" + key + "' in " + store + " ended after " + read + " bytes but was listed with " + expected
                    + "; it changed during the migration");
        }
        read += n;
        if (hasher != null) {
            hasher.update(b, off, n);
        }
        if (read == expected) {
            verifyEnd();
        }
        counter.accept(n);
        return n;
    }

    /** Fails unless exactly the expected bytes were read, the source has no more, and the hashes match. */
    void verifyComplete() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (read != expected) {
            throw fail("read " + read + " of the " + expected + " bytes listed for '" + key + "' in " + store);
        }
        verifyEnd();
    }

    /** The integrity failure this stream raised, or {@code null}; stores may have wrapped it on the way out. */
    IntegrityException failure() {
        return failure;
    }

    /** The hashes of the bytes read, once all were read; none without a hasher. */
    Hashes computed() {
        return computed;
    }

    private void verifyEnd() throws IOException {
        if (verified) {
            return;
        }
        verified = true;
        if (in.read() >= 0) {
            throw fail("'" + key + "' in " + store + " holds more than the " + expected
                    + " bytes it was listed with; it changed during the migration");
        }
        if (hasher != null) {
            computed = hasher.finish();
        }
        if (declared.compare(computed) == Hashes.Comparison.DIFFERENT) {
            throw fail("the bytes read from '" + key + "' in " + store + " have hashes " + computed + " but " + store
                    + " declares " + declared + "; they were corrupted in transit or the object changed");
        }
    }

    private IntegrityException fail(String message) {
        failure = new IntegrityException(store, key, message);
        return failure;
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
