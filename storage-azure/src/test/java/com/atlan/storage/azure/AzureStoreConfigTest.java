package com.atlan.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreLocation;
import com.atlan.storage.store.StoreSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a component's metadata becomes an Azure store's settings, without a server. */
class AzureStoreConfigTest {

    private static StoreSettings settings(Map<String, String> metadata) {
        Map<String, String> all = new HashMap<>(Map.of("accountName", "atlanacct", "containerName", "objects"));
        all.putAll(metadata);
        return new StoreSettings("objectstore", "bindings.azure.blobstorage", all, null, 4);
    }

    @Test
    void buildsTheBlobEndpointOfTheChosenCloud() {
        assertThat(AzureStoreConfig.from(settings(Map.of("accountKey", "a2V5"))).serviceUrl())
                .isEqualTo("https://atlanacct.blob.core.windows.net");
        assertThat(AzureStoreConfig.from(settings(Map.of("accountKey", "a2V5", "azureEnvironment", "AzureChinaCloud")))
                        .serviceUrl())
                .isEqualTo("https://atlanacct.blob.core.chinacloudapi.cn");
        assertThat(AzureStoreConfig.from(settings(Map.of("accountKey", "a2V5", "endpoint", "http://127.0.0.1:10000/")))
                        .serviceUrl())
                .as("as in Dapr, the account is appended to an endpoint")
                .isEqualTo("http://127.0.0.1:10000/atlanacct");
        assertThatThrownBy(() -> AzureStoreConfig.from(settings(Map.of("azureEnvironment", "Mars"))))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("azureEnvironment")
                .hasMessageContaining("AzurePublicCloud");
    }

    @Test
    void theEmulatorNeedsNoAccountOrKeyAndListsInUtf16Order() {
        AzureStoreConfig config = AzureStoreConfig.from(new StoreSettings(
                "dev", "bindings.azure.blobstorage", Map.of("containerName", "c1c", "useEmulator", "true"), null, 4));

        assertThat(config.serviceUrl()).isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
        assertThat(config.credentials().sharedKey()).isNotNull();
        assertThat(config.listingOrder()).isEqualTo(ListingOrder.UTF16);
        assertThat(AzureStoreConfig.from(settings(Map.of("accountKey", "a2V5"))).listingOrder())
                .isEqualTo(ListingOrder.CODE_POINT);
    }

    @Test
    void choosesCredentialsInTheDaprBindingsOrderAndNamesNoSecret() {
        AzureStoreConfig key = AzureStoreConfig.from(settings(Map.of("accountKey", "c2VjcmV0", "sasToken", "sv=x")));
        AzureStoreConfig sas = AzureStoreConfig.from(settings(Map.of("sasToken", "?sv=2024&sig=secret")));
        AzureStoreConfig principal = AzureStoreConfig.from(
                settings(Map.of("azureTenantId", "t", "azureClientId", "c", "azureClientSecret", "very-secret")));

        assertThat(key.credentials().source()).contains("accountKey");
        assertThat(sas.credentials().sasToken()).isEqualTo("sv=2024&sig=secret");
        assertThat(principal.credentials().source()).contains("service principal c");
        for (AzureStoreConfig config : java.util.List.of(key, sas, principal)) {
            assertThat(config.toString()).doesNotContain("c2VjcmV0", "secret");
            assertThat(config.copyDomain()).doesNotContain("c2VjcmV0", "secret");
        }
        assertThat(key.copyDomain()).isNotEqualTo(sas.copyDomain());
    }

    @Test
    void refusesAuthenticationThatIsNotSupportedYetWithAClearMessage() {
        assertThatThrownBy(() -> AzureStoreConfig.from(settings(Map.of("azureCertificateFile", "/c.pfx"))))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("certificate")
                .hasMessageContaining("not supported yet");
        assertThatThrownBy(() -> AzureStoreConfig.from(settings(Map.of("azureFederatedTokenFile", "/t"))))
                .hasMessageContaining("workload identity");
        assertThatThrownBy(() -> AzureStoreConfig.from(settings(Map.of("azureClientId", "c"))))
                .hasMessageContaining("user-assigned managed identity");
        assertThatThrownBy(() -> AzureStoreConfig.from(settings(Map.of("azureClientSecret", "s"))))
                .hasMessageContaining("azureTenantId")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("'s'"));
    }

    @Test
    void refusesBadNamesAndSizes() {
        assertThatThrownBy(() -> AzureStoreConfig.from(settings(Map.of("containerName", "Bad_Name"))))
                .hasMessageContaining("containerName");
        assertThatThrownBy(() -> AzureStoreConfig.from(settings(Map.of("accountName", "x"))))
                .hasMessageContaining("accountName");
        assertThatThrownBy(() -> AzureStoreConfig.from(settings(Map.of("accountKey", "a2V5", "blockSizeMiB", "0"))))
                .hasMessageContaining("blockSizeMiB");
        assertThatThrownBy(() -> AzureStoreConfig.from(
                        settings(Map.of("accountKey", "a2V5", "blockSizeMiB", "128", "byteBudgetMiB", "64"))))
                .hasMessageContaining("byteBudgetMiB");
        assertThatThrownBy(() -> AzureStoreConfig.from(settings(Map.of("accountKey", "a2V5", "invalidMetadata", "x"))))
                .hasMessageContaining("invalidMetadata");
    }

    @Test
    void twoSpellingsOfOneContainerOverlap() {
        AzureStoreProvider provider = new AzureStoreProvider();
        StoreLocation a = provider.location(
                        settings(Map.of("accountKey", "a2V5", "endpoint", "http://localhost:10000")))
                .orElseThrow();
        StoreLocation b = provider.location(settings(Map.of("sasToken", "sv=x", "endpoint", "http://127.0.0.1:10000/")))
                .orElseThrow();
        StoreLocation other = provider.location(settings(
                        Map.of("accountKey", "a2V5", "endpoint", "http://127.0.0.1:10000", "containerName", "other")))
                .orElseThrow();

        assertThat(a.overlaps(b)).isTrue();
        assertThat(a.overlaps(other)).isFalse();
        assertThat(a.describe()).isEqualTo("Azure container 'objects' at http://127.0.0.1:10000/atlanacct");
    }

    @Test
    void blocksGrowSoNoObjectNeedsMoreThanFiftyThousand() {
        long mib = AzureStoreConfig.MiB;
        assertThat(BlockUploader.blockSize(100 * mib, 8 * mib)).isEqualTo(8 * mib);
        long huge = 1024L * 1024 * mib; // 1 TiB
        long size = BlockUploader.blockSize(huge, 8 * mib);
        assertThat(Math.ceilDiv(huge, size)).isLessThanOrEqualTo(50_000);
        assertThat(size % mib).isZero();
    }
}
