package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.store.Features;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.testing.CountingBackend;
import com.atlan.storage.testing.DamagedStreams;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntegrityTest {

    private final MemoryBackend source = new MemoryBackend("objectstore");
    private final MemoryBackend destination = new MemoryBackend("upstream-objectstore");

    private void write(MemoryBackend store, String key, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, PutOptions.DEFAULT);
    }

    @Test
    void aByteFlippedOnEveryReadIsReadAgainThenAnIntegrityFailureAndNothingIsWritten() {
        write(source, "good.txt", "fine content");
        write(source, "bad.txt", "content that gets corrupted on the way");
        ForwardingBackend corrupting = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                return key.equals("bad.txt")
                        ? super.open(key).wrap(in -> DamagedStreams.flippingBitAt(in, 7))
                        : super.open(key);
            }
        };
        CountingBackend counted = new CountingBackend(destination);

        MigrationOptions threeAttempts = MigrationOptions.builder()
                .retry(new com.atlan.storage.retry.RetryPolicy(
                        3, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2)))
                .build();
        MigrationSummary summary = new Migrator(corrupting, counted, "", threeAttempts).run();

        assertThat(summary.migratedFiles()).isEqualTo(1);
        assertThat(summary.failedMigrations()).isEqualTo(1);
        assertThat(summary.failures().get(0).file()).isEqualTo("bad.txt");
        assertThat(summary.failures().get(0).error())
                .contains("MD5")
                .contains(source.stat("bad.txt").orElseThrow().etag());
        assertThat(destination.stat("bad.txt")).as("never committed").isEmpty();
        assertThat(counted.opens.get()).isZero();
        assertThat(counted.puts.get())
                .as("bytes corrupted in transit are read again: one put of good.txt, three refused of bad.txt")
                .isEqualTo(1 + 3);
    }

    @Test
    void aDestinationThatStoresOtherBytesIsAnIntegrityFailureAndTheBadCopyIsDeleted() {
        write(source, "a.txt", "the real content");
        ForwardingBackend lying = new ForwardingBackend(destination) {
            @Override
            public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
                return super.put(key, DamagedStreams.flippingBitAt(data, 0), length, options);
            }
        };
        MigrationSummary summary = new Migrator(source, lying, "", MigrationOptions.defaults()).run();

        assertThat(summary.migratedFiles()).isZero();
        assertThat(summary.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.error())
                        .contains("after the write")
                        .contains(source.stat("a.txt").orElseThrow().etag())
                        .contains("deleted"));
        assertThat(destination.stat("a.txt")).isEmpty();
    }

    @Test
    void aDestinationThatChecksMd5sItselfIsHandedTheSourcesDeclaredMd5() {
        write(source, "a.txt", "the real content");
        List<String> handed = new ArrayList<>();
        ForwardingBackend checking = new ForwardingBackend(destination) {
            @Override
            public Features features() {
                Features f = super.features();
                return new Features(
                        f.hashes(),
                        Set.of(HashKind.MD5),
                        f.preservesModTime(),
                        f.metadata(),
                        f.listingOrder(),
                        null,
                        false,
                        false);
            }

            @Override
            public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
                handed.add(options.expectedMd5());
                return super.put(key, data, length, options);
            }
        };

        MigrationSummary summary = new Migrator(source, checking, "", MigrationOptions.defaults()).run();

        assertThat(summary.migratedFiles()).isEqualTo(1);
        assertThat(handed).containsExactly(source.stat("a.txt").orElseThrow().etag());
    }
}
