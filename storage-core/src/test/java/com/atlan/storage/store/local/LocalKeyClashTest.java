package com.atlan.storage.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.migrate.Migrator;
import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.testing.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability case 45: keys {@code a} and {@code a/b} cannot both be files. The write of the second fails, and the
 * first, whether this run wrote it or the folder held it already, stays.
 */
class LocalKeyClashTest {

    @TempDir
    Path root;

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFailedWriteOfAnObjectUnderAFileLeavesTheFile() throws Exception {
        try (LocalBackend store = new LocalBackend("local", root)) {
            store.put("k/clash/a", bytes("file a\n"), 7, PutOptions.DEFAULT);

            assertThatThrownBy(() -> store.put("k/clash/a/b", bytes("file b\n"), 7, PutOptions.DEFAULT))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("cannot hold both");

            assertThat(root.resolve("k/clash/a")).hasContent("file a");
            assertThat(store.stat("k/clash/a")).isPresent();
        }
    }

    @Test
    void aFailedWriteRemovesOnlyTheEmptyFoldersItCreated() throws Exception {
        Files.createDirectories(root.resolve("kept/empty"));
        try (LocalBackend store = new LocalBackend("local", root)) {
            store.put("kept/x", bytes("x"), 1, PutOptions.DEFAULT);
            assertThatThrownBy(() -> store.put("kept/x/new/deeper", bytes("y"), 1, PutOptions.DEFAULT))
                    .isInstanceOf(InvalidKeyException.class);
        }
        assertThat(root.resolve("kept/empty"))
                .as("a folder that was there before")
                .isDirectory();
        assertThat(root.resolve("kept/x")).hasContent("x");
    }

    @Test
    void aMigrationOfClashingKeysReportsTheFailureAndKeepsWhatItCopied() throws Exception {
        MemoryBackend source = new MemoryBackend("objectstore");
        source.put("k/clash/a", bytes("file a\n"), 7, PutOptions.DEFAULT);
        source.put("k/clash/a/b", bytes("file b\n"), 7, PutOptions.DEFAULT);
        source.put("k/ok", bytes("ok\n"), 3, PutOptions.DEFAULT);
        try (LocalBackend destination = new LocalBackend("upstream-objectstore", root)) {
            MigrationSummary summary = new Migrator(
                            source,
                            destination,
                            "k/",
                            MigrationOptions.builder().concurrency(1).build())
                    .run();

            assertThat(summary.migratedFiles()).isEqualTo(2);
            assertThat(summary.failures()).extracting(f -> f.file()).containsExactly("k/clash/a/b");
            for (String key : new String[] {"k/clash/a", "k/ok"}) {
                assertThat(destination.stat(key))
                        .as(key + " was reported migrated")
                        .isPresent();
            }
        }
    }
}
