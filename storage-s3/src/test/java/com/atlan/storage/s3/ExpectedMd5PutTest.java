package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.SeededInputStream;
import com.atlan.storage.store.TransientStorageException;
import com.atlan.storage.testing.DamagedStreams;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Puts that carry the MD5 the source declared, against S3Proxy: each write path (buffered single PUT,
 * streamed single PUT, multipart) stores the right bytes and refuses bytes with another MD5, leaving no object.
 */
class ExpectedMd5PutTest {

    private static final long MiB = 1024 * 1024;
    /** Below 5 MiB: buffered; up to 12 MiB: streamed in one PUT; above: multipart. */
    private static final Map<String, String> LIMITS = Map.of("multipartThreshold", "5MiB", "streamedPutLimit", "12MiB");

    private final S3ProxyServer server = S3ProxyServer.get();

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(longs = {1024 * 1024, 9 * 1024 * 1024, 20 * 1024 * 1024})
    void storesBytesThatHaveTheExpectedMd5(long size) {
        try (S3Backend store = server.newStore("md5-ok", LIMITS)) {
            String md5 = SeededInputStream.md5(7, size);

            ObjectInfo written =
                    store.put("k", new SeededInputStream(7, size), size, PutOptions.DEFAULT.withExpected(md5Of(md5)));

            assertThat(written.size()).isEqualTo(size);
            assertThat(SeededInputStream.sha256Of(store.open("k"))).isEqualTo(SeededInputStream.sha256(7, size));
            assertThat(store.features().verifiedOnWrite()).contains(HashKind.MD5);
            assertThat(store.byteBudget().inUse()).isZero();
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(longs = {1024 * 1024, 9 * 1024 * 1024, 20 * 1024 * 1024})
    void refusesBytesWithAnotherMd5AndLeavesNoObject(long size) {
        try (S3Backend store = server.newStore("md5-bad", LIMITS)) {
            String otherMd5 = SeededInputStream.md5(8, size);

            assertThatThrownBy(() -> store.put(
                            "k",
                            new SeededInputStream(7, size),
                            size,
                            PutOptions.DEFAULT.withExpected(md5Of(otherMd5))))
                    .isInstanceOf(IntegrityException.class);

            assertThat(store.stat("k")).isEmpty();
            assertThat(server.admin()
                            .listMultipartUploads(b -> b.bucket(store.bucket()))
                            .uploads())
                    .isEmpty();
        }
    }

    @Test
    void streamedPutBuffersNothingAndSendsOnePut() {
        try (S3Backend store = server.newStore("md5-stream", LIMITS)) {
            long size = 9 * MiB;
            InputStream source = new SeededInputStream(9, size);

            ObjectInfo written = store.put(
                    "k", source, size, PutOptions.DEFAULT.withExpected(md5Of(SeededInputStream.md5(9, size))));

            // a single-part ETag is the MD5 itself; a multipart one would end in "-<parts>"
            assertThat(written.etag()).isEqualTo(SeededInputStream.md5(9, size));
            assertThat(store.bytesUploaded()).isEqualTo(size);
        }
    }

    @Test
    void aSourceFailingMidStreamLeavesNoObjectAndTheStoreKeepsWorking() {
        try (S3Backend store = server.newStore("md5-fail", LIMITS)) {
            long size = 9 * MiB;
            InputStream failing =
                    DamagedStreams.failingAfter(new SeededInputStream(10, size), 4 * MiB, "connection reset by source");

            assertThatThrownBy(() -> store.put(
                            "k",
                            failing,
                            size,
                            PutOptions.DEFAULT.withExpected(md5Of(SeededInputStream.md5(10, size)))))
                    .isInstanceOf(TransientStorageException.class)
                    .hasMessageContaining("connection reset by source");

            assertThat(store.stat("k")).isEmpty();
            // the half-sent connection was discarded, not handed to the next request
            store.put(
                    "after",
                    new SeededInputStream(11, size),
                    size,
                    PutOptions.DEFAULT.withExpected(md5Of(SeededInputStream.md5(11, size))));
            assertThat(store.stat("after")).isPresent();
        }
    }

    @Test
    void aShortSourceFailsTheStreamedPut() {
        try (S3Backend store = server.newStore("md5-short", LIMITS)) {
            long size = 9 * MiB;

            assertThatThrownBy(() -> store.put(
                            "k",
                            new SeededInputStream(12, 6 * MiB),
                            size,
                            PutOptions.DEFAULT.withExpected(md5Of(SeededInputStream.md5(12, size)))))
                    .isInstanceOf(TransientStorageException.class)
                    .hasMessageContaining("6291456 of 9437184");

            assertThat(store.stat("k")).isEmpty();
        }
    }

    private static Hashes md5Of(String hex) {
        return Hashes.of(HashKind.MD5, hex);
    }
}
