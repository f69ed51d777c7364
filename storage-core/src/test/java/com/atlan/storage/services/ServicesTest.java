package com.atlan.storage.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.testing.ComponentFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facades end to end over the local backend, configured by component files like a user's. */
class ServicesTest {

    @TempDir
    Path dir;

    StorageConfiguration configuration;
    ObjectStore deployment;

    @BeforeEach
    void configure() throws IOException {
        Path components = Files.createDirectories(dir.resolve("components"));
        for (String name : new String[] {"objectstore", "upstream-objectstore"}) {
            ComponentFiles.localStore(components, name, "./stores/" + name);
        }
        configuration = StorageConfiguration.load(Optional.of(components), Map.of(), dir);
        deployment = new ObjectStore(configuration, "objectstore");
    }

    @AfterEach
    void close() {
        deployment.close();
    }

    private Path root(String store) {
        return dir.resolve("stores").resolve(store);
    }

    @Test
    void uploadsListsReadsAndDeletesIncludingZeroByteObjects() throws IOException {
        deployment.uploadFileFromBytes("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "results/wf/1.json");
        deployment.uploadFileFromBytes(new byte[0], "results/wf/_SUCCESS");
        deployment.uploadFileFromBytes("x".getBytes(StandardCharsets.UTF_8), "results_archive/old.json");

        assertThat(deployment.listFiles("results")).containsExactly("results/wf/1.json", "results/wf/_SUCCESS");
        assertThat(deployment.getContent("results/wf/_SUCCESS")).isEmpty();
        assertThat(deployment.exists("results/wf/_SUCCESS")).isTrue();
        assertThat(deployment.exists("results/wf/missing")).isFalse();
        assertThat(deployment.getContent("results/wf/missing", true)).isNull();
        assertThatThrownBy(() -> deployment.getContent("results/wf/missing"))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining("results/wf/missing");

        assertThat(deployment.deleteFile("results/wf/1.json")).isTrue();
        assertThat(deployment.deleteFile("results/wf/1.json")).isFalse();
        assertThat(deployment.deletePrefix("results")).isEqualTo(1);
        assertThat(deployment.listFiles("")).containsExactly("results_archive/old.json");
    }

    @Test
    void acceptsLocalStagingPathsAsKeys() {
        deployment.uploadFileFromBytes("v".getBytes(StandardCharsets.UTF_8), "./local/tmp/artifacts/apps/x/1.json");
        assertThat(deployment.listFiles("")).containsExactly("artifacts/apps/x/1.json");
        assertThat(deployment.exists("/artifacts/apps/x/1.json/")).isTrue();
    }

    @Test
    void uploadsAndDownloadsFoldersKeepingRelativePaths() throws IOException {
        Path local = dir.resolve("local-out");
        Files.createDirectories(local.resolve("nested/deeper"));
        Files.writeString(local.resolve("top.txt"), "top");
        Files.writeString(local.resolve("nested/deeper/leaf.txt"), "leaf");

        assertThat(deployment.uploadPrefix(local, "exports/run1", false, true)).hasSize(1);
        assertThat(deployment.uploadPrefix(local, "exports/run2")).hasSize(2);
        assertThat(deployment.listFiles("exports/run2/"))
                .containsExactly("exports/run2/nested/deeper/leaf.txt", "exports/run2/top.txt");

        Path back = dir.resolve("back");
        assertThat(deployment.downloadPrefix("exports/run2", back)).hasSize(2);
        assertThat(back.resolve("nested/deeper/leaf.txt")).hasContent("leaf");
        assertThat(back.resolve("top.txt")).hasContent("top");

        deployment.downloadFile("exports/run1/top.txt", dir.resolve("single/copy.txt"));
        assertThat(dir.resolve("single/copy.txt")).hasContent("top");
    }

    @Test
    void uploadFileKeepsFilesOutsideTheTemporaryFolder() throws IOException {
        Path mine = Files.writeString(dir.resolve("mine.txt"), "precious");
        deployment.uploadFile(mine, "keep/mine.txt", false);
        assertThat(mine).exists();
        assertThat(deployment.getContent("keep/mine.txt")).asString().isEqualTo("precious");
    }

    @Test
    void refusesEmptyKeys() {
        assertThatThrownBy(() -> deployment.getContent("")).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> deployment.exists("/")).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void atlanStorageMigratesBetweenTheConfiguredStores() throws Exception {
        deployment.uploadFileFromBytes("a".getBytes(StandardCharsets.UTF_8), "processed/2024/a.csv");
        deployment.uploadFileFromBytes("b".getBytes(StandardCharsets.UTF_8), "processed/2024/b.csv");
        deployment.uploadFileFromBytes("c".getBytes(StandardCharsets.UTF_8), "processed/2023/c.csv");
        AtlanStorage storage = new AtlanStorage(configuration, MigrationOptions.defaults());

        MigrationSummary summary = storage.migrate("processed/2024/");
        assertThat(summary.migratedFiles()).isEqualTo(2);
        assertThat(summary.source()).isEqualTo("objectstore");
        assertThat(summary.destination()).isEqualTo("upstream-objectstore");
        assertThat(root("upstream-objectstore").resolve("processed/2024/a.csv")).hasContent("a");

        MigrationSummary async = storage.migrateAsync("processed/2023").get(30, TimeUnit.SECONDS);
        assertThat(async.migratedFiles()).isEqualTo(1);
    }

    @Test
    void atlanStorageRefusesBadConfigurationBeforeAnyTransfer() {
        AtlanStorage storage = new AtlanStorage(configuration, MigrationOptions.defaults());
        assertThatThrownBy(() -> storage.migrate("", "objectstore", "objectstore"))
                .isInstanceOf(StorageConfigException.class);
        assertThatThrownBy(() -> storage.migrate("", "objectstore", "no-such-store"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("no-such-store");
        assertThat(root("upstream-objectstore")).doesNotExist();
    }
}
