package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.testing.CountingObjectStore;
import com.atlan.storage.testing.DamagedStreams;
import com.atlan.storage.testing.ForwardingObjectStore;
import com.atlan.storage.testing.MemoryObjectStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrityTest {

    private final MemoryObjectStore source = new MemoryObjectStore("objectstore");
    private final MemoryObjectStore destination = new MemoryObjectStore("upstream-objectstore");

    private void write(MemoryObjectStore store, String key, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, PutOptions.DEFAULT);
    }

    @Test
    void aByteFlippedBetweenReadAndWriteIsAnIntegrityFailureAndNothingIsWritten() {
        write(source, "good.txt", "fine content");
        write(source, "bad.txt", "content that gets corrupted on the way");
        ForwardingObjectStore corrupting = new ForwardingObjectStore(source) {
            @Override
            public InputStream open(String key) {
                return key.equals("bad.txt") ? DamagedStreams.flippingBitAt(super.open(key), 7) : super.open(key);
            }
        };
        CountingObjectStore counted = new CountingObjectStore(destination);

        MigrationSummary summary = new Migrator(corrupting, counted, "", MigrationOptions.defaults()).run();

        assertThat(summary.migratedFiles()).isEqualTo(1);
        assertThat(summary.failedMigrations()).isEqualTo(1);
        assertThat(summary.failures().get(0).file()).isEqualTo("bad.txt");
        assertThat(summary.failures().get(0).error())
                .contains("MD5")
                .contains(source.stat("bad.txt").orElseThrow().etag());
        assertThat(destination.stat("bad.txt")).as("never committed").isEmpty();
        assertThat(counted.opens.get()).as("integrity failures are not retried").isZero();
        assertThat(counted.puts.get()).isEqualTo(2);
    }

    @Test
    void aDestinationThatStoresOtherBytesIsAnIntegrityFailureAndTheBadCopyIsDeleted() {
        write(source, "a.txt", "the real content");
        ForwardingObjectStore lying = new ForwardingObjectStore(destination) {
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
                        .contains("MD5 entity tag")
                        .contains(source.stat("a.txt").orElseThrow().etag())
                        .contains("deleted"));
        assertThat(destination.stat("a.txt")).isEmpty();
    }

    @Test
    void aDestinationThatChecksMd5sItselfIsHandedTheSourcesDeclaredMd5() {
        write(source, "a.txt", "the real content");
        List<String> handed = new ArrayList<>();
        ForwardingObjectStore checking = new ForwardingObjectStore(destination) {
            @Override
            public boolean checksExpectedMd5(long size) {
                return true;
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
