package com.atlan.storage.services;

import static com.atlan.storage.services.SdkStores.DEPLOYMENT;
import static com.atlan.storage.services.SdkStores.UPSTREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.migrate.FailureRecord;
import com.atlan.storage.migrate.MigrationException;
import com.atlan.storage.migrate.MigrationSummary;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK's own AtlanStorage tests (application-sdk v2.8.7, {@code tests/unit/services/test_atlan_storage.py}),
 * ported to {@code AtlanStorage.migrateFromObjectstoreToAtlan} over local-folder stores configured as an
 * application's are; faults come from the source component ({@link com.atlan.storage.testing.FaultyStoreProvider}).
 */
class AtlanStorageClassMethodsTest {

    @RegisterExtension
    final SdkStores stores = new SdkStores();

    private void seed(String... keys) {
        for (String key : keys) {
            stores.seed(DEPLOYMENT, key, key + " content");
        }
    }

    @Test
    void migrateFromObjectstoreToAtlanSuccessCopiesEachFileUnderItsKey() {
        seed("test_prefix/file1.json", "test_prefix/file2.json", "test_prefix/file3.json", "other/file4.json");

        MigrationSummary result = AtlanStorage.migrateFromObjectstoreToAtlan("test_prefix");

        assertThat(result.totalFiles()).isEqualTo(3);
        assertThat(result.migratedFiles()).isEqualTo(3);
        assertThat(result.failedMigrations()).isZero();
        assertThat(result.failures()).isEmpty();
        assertThat(result.prefix()).isEqualTo("test_prefix");
        assertThat(result.source()).isEqualTo(DEPLOYMENT);
        assertThat(result.destination()).isEqualTo(UPSTREAM);
        for (int i = 1; i <= 3; i++) {
            assertThat(stores.root(UPSTREAM).resolve("test_prefix/file" + i + ".json"))
                    .hasContent("test_prefix/file" + i + ".json content");
        }
        assertThat(ObjectStore.listFiles("", UPSTREAM)).hasSize(3);
    }

    @Test
    void migrateFromObjectstoreToAtlanWithFailuresNamesTheFailedFileAndMigratesTheRest() {
        stores.faulty(DEPLOYMENT, Map.of("failReadsOf", "file2"));
        seed("test_prefix/file1.json", "test_prefix/file2.json", "test_prefix/file3.json");

        MigrationSummary result = AtlanStorage.migrateFromObjectstoreToAtlan("test_prefix");

        assertThat(result.totalFiles()).isEqualTo(3);
        assertThat(result.migratedFiles()).isEqualTo(2);
        assertThat(result.failedMigrations()).isEqualTo(1);
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.file()).isEqualTo("test_prefix/file2.json");
            assertThat(failure.error()).contains("injected fault: read of 'test_prefix/file2.json'");
        });
        assertThat(stores.root(UPSTREAM).resolve("test_prefix/file2.json")).doesNotExist();
    }

    @Test
    void migrateFromObjectstoreToAtlanEmptyListGivesAZeroSummary() {
        MigrationSummary result = AtlanStorage.migrateFromObjectstoreToAtlan("test_prefix");

        assertThat(result.totalFiles()).isZero();
        assertThat(result.migratedFiles()).isZero();
        assertThat(result.failedMigrations()).isZero();
        assertThat(result.failures()).isEmpty();
        assertThat(result.prefix()).isEqualTo("test_prefix");
        assertThat(result.destination()).isEqualTo(UPSTREAM);
    }

    @Test
    void migrateFromObjectstoreToAtlanListErrorRaises() {
        stores.faulty(DEPLOYMENT, Map.of("failListing", "true"));
        assertThatThrownBy(() -> AtlanStorage.migrateFromObjectstoreToAtlan("test_prefix"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("refused");
    }

    @Test
    void migrateFromObjectstoreToAtlanGetDataErrorFailsThatFile() {
        stores.faulty(DEPLOYMENT, Map.of("failReadsOf", "file1"));
        seed("test_prefix/file1.txt");

        MigrationSummary result = AtlanStorage.migrateFromObjectstoreToAtlan("test_prefix");

        assertThat(result.totalFiles()).isEqualTo(1);
        assertThat(result.migratedFiles()).isZero();
        assertThat(result.failedMigrations()).isEqualTo(1);
        assertThat(result.failures()).extracting(FailureRecord::file).containsExactly("test_prefix/file1.txt");
    }

    @Test
    void parallelFileMigrationMigratesEveryFile() throws Exception {
        for (int i = 0; i < 10; i++) {
            seed("test_prefix/file" + i + ".json");
        }

        MigrationSummary result =
                AtlanStorage.migrateFromObjectstoreToAtlanAsync("test_prefix").get(60, TimeUnit.SECONDS);

        assertThat(result.totalFiles()).isEqualTo(10);
        assertThat(result.migratedFiles()).isEqualTo(10);
        assertThat(ObjectStore.listFiles("test_prefix", UPSTREAM)).hasSize(10);
    }

    @Test
    void migratesEverythingWithNoPrefixAndZeroByteFilesToo() {
        seed("a.txt", "deep/b.txt");
        stores.seed(DEPLOYMENT, "deep/_SUCCESS", "");

        MigrationSummary result = AtlanStorage.migrateFromObjectstoreToAtlan();

        assertThat(result.migratedFiles()).isEqualTo(3).isEqualTo(result.totalFiles());
        assertThat(stores.root(UPSTREAM).resolve("deep/_SUCCESS")).isEmptyFile();
    }

    @Test
    void aRerunReportsEveryFileMigratedAndSkipped() {
        seed("test_prefix/file1.json", "test_prefix/file2.json");
        AtlanStorage.migrateFromObjectstoreToAtlan("test_prefix");

        MigrationSummary again = AtlanStorage.migrateFromObjectstoreToAtlan("test_prefix");

        assertThat(again.totalFiles()).isEqualTo(2);
        assertThat(again.migratedFiles()).isEqualTo(2);
        assertThat(again.skippedFiles()).isEqualTo(2);
        assertThat(again.copiedFiles()).isZero();
    }
}
