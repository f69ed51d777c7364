package com.atlan.storage.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.migrate.MigrationException;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.Migrator;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.testing.MemoryBackend;
import com.atlan.storage.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability cases 1, 3 and 43: a local source whose folder is a file is an error naming the folder, not "no objects
 * matched"; one that does not exist is an empty store with a warning (the SDK's behaviour, which the spec's
 * examples need); a destination folder that does not exist yet is created on the first write.
 */
class LocalSourceRootTest {

    @TempDir
    Path dir;

    @Test
    void aSourceFolderThatDoesNotExistIsAnEmptyStoreAsInTheSdk() {
        Path never = dir.resolve("objectstore");
        try (LocalBackend source = new LocalBackend("objectstore", never)) {
            assertThat(new Migrator(
                                    source,
                                    new MemoryBackend("upstream-objectstore"),
                                    "p/",
                                    MigrationOptions.defaults())
                            .run()
                            .totalFiles())
                    .isZero();
        }
    }

    @Test
    void aSourceFolderThatIsAFileStopsTheRunAndVerify() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        try (LocalBackend source = new LocalBackend("objectstore", file)) {
            assertThatThrownBy(() -> new Migrator(
                                    source, new MemoryBackend("upstream-objectstore"), "", MigrationOptions.defaults())
                            .run())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("is not a folder");
            assertThatThrownBy(() -> new Verifier(source, new MemoryBackend("upstream-objectstore"), "", false).run())
                    .isInstanceOf(StorageConfigException.class)
                    .hasMessageContaining("is not a folder");
        }
    }

    @Test
    void aDestinationFolderThatDoesNotExistYetIsCreated() {
        MemoryBackend source = new MemoryBackend("objectstore");
        source.put(
                "p/a", new java.io.ByteArrayInputStream(new byte[] {1}), 1, com.atlan.storage.store.PutOptions.DEFAULT);
        Path fresh = dir.resolve("not/yet");
        try (LocalBackend destination = new LocalBackend("upstream-objectstore", fresh)) {
            assertThat(new Migrator(source, destination, "p/", MigrationOptions.defaults())
                            .run()
                            .migratedFiles())
                    .isEqualTo(1);
        }
        assertThat(fresh.resolve("p/a")).exists();
    }
}
