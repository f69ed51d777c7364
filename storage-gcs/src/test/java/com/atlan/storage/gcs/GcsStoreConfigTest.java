package com.atlan.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreLocation;
import com.atlan.storage.store.StoreSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a component's metadata becomes a GCS store's settings, without a server. */
class GcsStoreConfigTest {

    private static StoreSettings settings(Map<String, String> metadata) {
        Map<String, String> all = new HashMap<>(Map.of("bucket", "atlan-objects"));
        all.putAll(metadata);
        return new StoreSettings("objectstore", "bindings.gcp.bucket", all, null, 4);
    }

    @Test
    void aPrivateKeyNeedsItsClientEmail() {
        assertThatThrownBy(() -> GcsStoreConfig.from(settings(Map.of("private_key", "-----BEGIN PRIVATE KEY-----"))))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("client_email")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("BEGIN PRIVATE KEY"));
    }

    @Test
    void theEmulatorNeedsAnEndpointAndSendsNoCredentials() {
        assertThatThrownBy(() -> GcsStoreConfig.from(settings(Map.of("useEmulator", "true"))))
                .hasMessageContaining("endpoint");
        GcsStoreConfig config =
                GcsStoreConfig.from(settings(Map.of("useEmulator", "true", "endpoint", "http://127.0.0.1:4443/")));
        assertThat(config.endpoint()).isEqualTo("http://127.0.0.1:4443");
        assertThat(config.credentials().source()).contains("no credentials");
        assertThat(config.credentials().canSign()).isFalse();
    }

    @Test
    void refusesBadBucketNamesAndSizes() {
        assertThatThrownBy(() -> GcsStoreConfig.from(settings(Map.of("bucket", "Bad Bucket"))))
                .hasMessageContaining("bucket");
        assertThatThrownBy(() -> GcsStoreConfig.from(
                        settings(Map.of("useEmulator", "true", "endpoint", "http://h", "chunkSizeMiB", "0"))))
                .hasMessageContaining("chunkSizeMiB");
        assertThatThrownBy(() -> GcsStoreConfig.from(settings(Map.of("endpoint", "ftp://h"))))
                .hasMessageContaining("endpoint");
    }

    @Test
    void bucketsOfOneEndpointOverlapWhateverTheCredentials() {
        GcsStoreProvider provider = new GcsStoreProvider();
        StoreLocation a = provider.location(
                        settings(Map.of("useEmulator", "true", "endpoint", "http://localhost:4443")))
                .orElseThrow();
        StoreLocation b = provider.location(
                        settings(Map.of("useEmulator", "true", "endpoint", "http://127.0.0.1:4443")))
                .orElseThrow();

        assertThat(a.overlaps(b)).isTrue();
        assertThat(a.describe()).isEqualTo("GCS bucket 'atlan-objects' at http://127.0.0.1:4443");
    }
}
