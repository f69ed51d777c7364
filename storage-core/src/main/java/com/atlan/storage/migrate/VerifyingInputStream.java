package com.atlan.storage.migrate;

import com.atlan.storage.store.ContentHasher;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.PartMd5Source;
import com.atlan.storage.store.PartsMd5;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Delivers exactly the listed number of bytes of a source object, hashing them on the way, or fails with an
 * {@link IntegrityException}: when the source ends early, holds more bytes than listed (checked by reading one
 * byte past the end), or its bytes do not have the hashes the source declares.
 *
 * <p>A source that declares only a multipart tag ({@link HashKind#MD5_OF_PARTS}) is checked against it with the usual
 * part sizes ({@link PartsMd5}); when none fits, the source is read a second time and the two reads' CRC32Cs must
 * agree (bytes corrupted in transit never come out the same twice), so no byte passes unchecked. The part MD5s that
 * check computes are offered to the destination ({@link PartMd5Source}), whose multipart writes then need not hash
 * the same parts again.
 *
 * <p>The checks run before the last byte is handed on, so a store that writes atomically never commits a bad
 * object. A store may wrap the exception it sees; {@link #failure()} keeps the original. Also reports bytes
 * read to a progress callback.
 */
final class VerifyingInputStream extends FilterInputStream implements PartMd5Source {

    private final String store;
    private final String key;
    private final long expected;
    private final ContentHasher hasher;
    private final Hashes declared;
    private final LongConsumer counter;
    private PartsMd5 parts;
    private SecondRead secondRead;
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

    /** The CRC32C (hex) of a fresh read of the whole source object. */
    @FunctionalInterface
    interface SecondRead {
        String crc32c() throws IOException;
    }

    /**
     * Checks the bytes against a multipart tag with {@code parts}; when it fits no usual part size, compares the
     * CRC32C the hasher computes (it must compute {@link HashKind#CRC32C}) with {@code secondRead}'s.
     */
    VerifyingInputStream checkingParts(PartsMd5 parts, SecondRead secondRead) {
        this.parts = parts;
        this.secondRead = secondRead;
        return this;
    }

    @Override
    public Optional<byte[]> partMd5(long offset, long length) {
        return parts == null ? Optional.empty() : parts.partMd5(offset, length);
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
        if (parts != null) {
            parts.update(b, off, n);
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
        Hashes.Comparison comparison = declared.compare(computed);
        if (comparison == Hashes.Comparison.DIFFERENT) {
            throw failInTransit("the bytes read from '" + key + "' in " + store + " have hashes " + computed + " but "
                    + store + " declares " + declared + "; they were corrupted in transit or the object changed");
        }
        if (parts != null && comparison != Hashes.Comparison.SAME && !parts.matches()) {
            String first = computed.get(HashKind.CRC32C).orElseThrow();
            String second = secondRead.crc32c();
            if (!first.equals(second)) {
                throw failInTransit("two reads of '" + key + "' in " + store + " gave different bytes (CRC32C " + first
                        + ", then " + second + "), and its multipart tag "
                        + declared.get(HashKind.MD5_OF_PARTS).get()
                        + " fits neither under the usual part sizes; they were corrupted in transit or the object"
                        + " changed");
            }
        }
    }

    private IntegrityException fail(String message) {
        failure = new IntegrityException(store, key, message);
        return failure;
    }

    private IntegrityException failInTransit(String message) {
        failure = IntegrityException.inTransit(store, key, message);
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
