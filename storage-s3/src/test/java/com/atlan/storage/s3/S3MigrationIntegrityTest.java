package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.migrate.Migrator;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.SeededInputStream;
import com.atlan.storage.testing.DamagedStreams;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.MemoryBackend;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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

    /**
     * A source uploaded in 5 MiB parts (Dapr, the Go SDK, rclone) is written in 5 MiB parts too, whatever the
     * destination's own part size: the copy keeps the source's multipart tag, and the parts' MD5s come from the
     * engine's check of the source. A bit flipped on the way (the first read only, as in transit) is caught and
     * the object read again: the copy holds the source's bytes.
     */
    @Test
    void aMultipartSourceIsWrittenInItsOwnPartsSoTheCopyKeepsItsTag() {
        long size = 17 * MiB + 4321;
        try (S3Backend s3Source = S3ProxyServer.get()
                        .newStore("objectstore", Map.of("multipartThreshold", "5MiB", "multipartPartSize", "5MiB"));
                S3Backend destination = S3ProxyServer.get().newStore("upstream-objectstore", Map.of())) {
            for (String key : new String[] {"good/parts", "bad/parts"}) {
                s3Source.put(key, new SeededInputStream(key.hashCode(), size), size, PutOptions.DEFAULT);
            }
            ObjectInfo original = s3Source.stat("good/parts").orElseThrow();
            assertThat(original.hashes().get(HashKind.MD5_OF_PARTS))
                    .hasValueSatisfying(tag -> assertThat(tag).endsWith("-4"));
            // a source of another kind than the destination, so the bytes stream through the engine
            AtomicInteger badOpens = new AtomicInteger();
            ForwardingBackend source = new ForwardingBackend(s3Source) {
                @Override
                public ObjectContent open(String key) {
                    return key.startsWith("bad/") && badOpens.getAndIncrement() == 0
                            ? super.open(key).wrap(in -> DamagedStreams.flippingBitAt(in, 12 * MiB + 5))
                            : super.open(key);
                }
            };

            MigrationSummary summary = new Migrator(source, destination, "", MigrationOptions.defaults()).run();

            assertThat(summary.migratedFiles()).isEqualTo(2);
            assertThat(badOpens)
                    .as("the corrupted read was caught and the object read again")
                    .hasValueGreaterThan(1);
            for (String key : new String[] {"good/parts", "bad/parts"}) {
                assertThat(destination.stat(key).orElseThrow().etag())
                        .isEqualTo(s3Source.stat(key).orElseThrow().etag());
                assertThat(SeededInputStream.sha256Of(destination.open(key)))
                        .isEqualTo(SeededInputStream.sha256(key.hashCode(), size));
            }
        }
    }
}
