package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.migrate.Migrator;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.SeededInputStream;
import com.atlan.storage.testing.DamagedStreams;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.MemoryBackend;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine streaming into S3Proxy with the destination checking the source's MD5 itself (the engine does
 * not hash): bytes corrupted after the source declared its MD5 never become an object on any write path.
 */
class S3MigrationIntegrityTest {

    private static final long MiB = 1024 * 1024;

    @Test
    void bytesCorruptedOnTheWayAreRefusedOnEveryWritePath() {
        MemoryBackend source = new MemoryBackend("objectstore");
        // buffered single PUT, streamed single PUT, multipart upload
        Map<String, Long> sizes = Map.of(
                "bad/buffered", 1 * MiB, "bad/streamed", 9 * MiB, "bad/multipart", 20 * MiB, "good/streamed", 9 * MiB);
        sizes.forEach(
                (key, size) -> source.put(key, new SeededInputStream(key.hashCode(), size), size, PutOptions.DEFAULT));
        ForwardingBackend corrupting = new ForwardingBackend(source) {
            @Override
            public ObjectContent open(String key) {
                return key.startsWith("bad/")
                        ? super.open(key).wrap(in -> DamagedStreams.flippingBitAt(in, 512 * 1024))
                        : super.open(key);
            }
        };

        try (S3Backend destination = S3ProxyServer.get()
                .newStore("upstream-objectstore", Map.of("multipartThreshold", "5MiB", "streamedPutLimit", "12MiB"))) {
            MigrationSummary summary = new Migrator(corrupting, destination, "", MigrationOptions.defaults()).run();

            assertThat(summary.migratedFiles()).isEqualTo(1);
            assertThat(summary.failures())
                    .extracting(f -> f.file())
                    .containsExactlyInAnyOrder("bad/buffered", "bad/streamed", "bad/multipart");
            assertThat(destination.stat("bad/buffered")).isEmpty();
            assertThat(destination.stat("bad/streamed")).isEmpty();
            assertThat(destination.stat("bad/multipart")).isEmpty();
            assertThat(SeededInputStream.sha256Of(destination.open("good/streamed")))
                    .isEqualTo(SeededInputStream.sha256("good/streamed".hashCode(), 9 * MiB));
        }
    }
}
