package com.atlan.storage.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ObjectStore.asStoreKey}, with the SDK's {@code test_as_store_key_*} cases (default temporary path
 * {@code ./local/tmp/}, no configuration loaded) and with the temporary folder a configuration names.
 */
class AsStoreKeyTest {

    @BeforeEach
    void noConfiguration() {
        StorageContext.reset();
    }

    @Test
    void asStoreKeyWindowsPath() {
        assertThat(ObjectStore.asStoreKey("artifacts\\apps\\default\\workflows\\wf123\\file.json"))
                .isEqualTo("artifacts/apps/default/workflows/wf123/file.json");
    }

    @Test
    void asStoreKeyUnixPath() {
        assertThat(ObjectStore.asStoreKey("artifacts/apps/default/workflows/wf123/file.json"))
                .isEqualTo("artifacts/apps/default/workflows/wf123/file.json");
    }

    @Test
    void asStoreKeyMixedPath() {
        assertThat(ObjectStore.asStoreKey("artifacts/apps\\default/workflows\\wf123\\file.json"))
                .isEqualTo("artifacts/apps/default/workflows/wf123/file.json");
    }

    @Test
    void asStoreKeyTemporaryPath() {
        assertThat(ObjectStore.asStoreKey("./local/tmp/artifacts/apps/default/workflows/wf123/file.json"))
                .isEqualTo("artifacts/apps/default/workflows/wf123/file.json");
    }

    @Test
    void asStoreKeyTemporaryRootPath() {
        assertThat(ObjectStore.asStoreKey("./local/tmp/")).isEmpty();
        assertThat(ObjectStore.asStoreKey("./local/tmp")).isEmpty();
    }

    @Test
    void asStoreKeyIdempotentForRelativeKey() {
        String key = ObjectStore.asStoreKey("/artifacts/apps/default/workflows/wf123/file.json/");
        assertThat(key).isEqualTo("artifacts/apps/default/workflows/wf123/file.json");
        assertThat(ObjectStore.asStoreKey(key)).isEqualTo(key);
    }

    @Test
    void asStoreKeyUsesTheTemporaryFolderOfTheConfigurationInUse(@TempDir Path dir) {
        try (SdkStores stores = SdkStores.create(dir)) {
            assertThat(ObjectStore.asStoreKey(stores.stagingPath("artifacts/x.json")))
                    .isEqualTo("artifacts/x.json");
        }
    }
}
