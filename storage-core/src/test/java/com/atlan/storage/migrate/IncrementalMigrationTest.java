package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.accounting.ProgressListener;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.local.LocalBackend;
import com.atlan.storage.testing.CountingBackend;
import com.atlan.storage.testing.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalMigrationTest {

    @TempDir
    Path dir;

    private static void write(com.atlan.storage.store.Backend store, String key, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, PutOptions.DEFAULT);
    }

    @Test
    void reRunOverTenThousandUnchangedObjectsOnlyLists() {
        MemoryBackend source = new MemoryBackend("objectstore");
        MemoryBackend destination = new MemoryBackend("upstream-objectstore");
        for (int i = 0; i < 10_000; i++) {
            write(source, String.format("logs/%02d/%05d.json", i % 37, i), "{\"n\":" + i + "}");
        }
        assertThat(new Migrator(source, destination, "logs", MigrationOptions.defaults())
                        .run()
                        .migratedFiles())
                .isEqualTo(10_000);

        CountingBackend from = new CountingBackend(source);
        CountingBackend to = new CountingBackend(destination);
        AtomicLong skippedEvents = new AtomicLong();
        MigrationOptions options = MigrationOptions.builder()
                .listener(new ProgressListener() {
                    @Override
                    public void onSkipped(com.atlan.storage.store.ObjectInfo object) {
                        skippedEvents.incrementAndGet();
                    }
                })
                .build();
        long start = System.nanoTime();
        MigrationSummary summary = new Migrator(from, to, "logs", options).run();
        System.out.printf(
                "re-run over 10000 unchanged objects: %d ms, source %s, destination %s%n",
                (System.nanoTime() - start) / 1_000_000, from, to);

        assertThat(summary.totalFiles()).isEqualTo(10_000);
        assertThat(summary.skippedFiles()).isEqualTo(10_000);
        assertThat(summary.migratedFiles())
                .as("every object is at the destination and identical")
                .isEqualTo(10_000);
        assertThat(summary.copiedFiles()).isZero();
        assertThat(skippedEvents.get()).isEqualTo(10_000);
        assertThat(from.opens.get() + to.opens.get() + from.puts.get() + to.puts.get())
                .isZero();
        assertThat(from.stats.get()).as("the exact-key check of the prefix").isLessThanOrEqualTo(1);
        assertThat(to.stats.get()).isLessThanOrEqualTo(1);
        assertThat(from.lists.get()).isEqualTo(1);
        assertThat(to.lists.get()).isEqualTo(1);
    }

    @Test
    void localFoldersCompareByModificationTimeAndCopyWhatChanged() throws Exception {
        LocalBackend source = new LocalBackend("objectstore", dir.resolve("src"));
        LocalBackend destination = new LocalBackend("upstream-objectstore", dir.resolve("dst"));
        for (int i = 0; i < 50; i++) {
            write(source, "d/" + i, "v" + i);
        }
        new Migrator(source, destination, "", MigrationOptions.defaults()).run();
        write(source, "d/7", "v7 changed");
        write(source, "d/8", "v8");
        Files.setLastModifiedTime(
                source.root().resolve("d/8"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        write(source, "d/new", "new");

        CountingBackend to = new CountingBackend(destination);
        MigrationSummary summary = new Migrator(new CountingBackend(source), to, "", MigrationOptions.defaults()).run();

        assertThat(to.putKeys).containsExactlyInAnyOrder("d/7", "d/8", "d/new");
        assertThat(summary.skippedFiles()).isEqualTo(48);
        assertThat(Files.readString(destination.root().resolve("d/7"))).isEqualTo("v7 changed");

        MigrationSummary everything = new Migrator(
                        source,
                        new CountingBackend(destination),
                        "",
                        MigrationOptions.builder().skipUnchanged(false).build())
                .run();
        assertThat(everything.migratedFiles()).isEqualTo(51);
    }
}
