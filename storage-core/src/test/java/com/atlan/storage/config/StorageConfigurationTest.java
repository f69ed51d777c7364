package com.atlan.storage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.testing.MemoryBackend;
import com.atlan.storage.testing.MemoryStoreProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageConfigurationTest {

    /** The SDK's atlan-storage.yaml example, as users have it. */
    private static final String SDK_S3_EXAMPLE = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: atlan-objectstore
            spec:
              type: bindings.aws.s3
              version: v1
              metadata:
                - name: bucket
                  value: atlan-bucket
                - name: region
                  value: us-east-1
                - name: endpoint
                  value: https://{{tenant}}.atlan.com/api/blobstorage
                - name: forcePathStyle
                  value: "true"
                - name: accessKey
                  secretKeyRef:
                    name: ATLAN_AUTH_CLIENT_ID
                    key: ATLAN_AUTH_CLIENT_ID
                - name: secretKey
                  secretKeyRef:
                    name: ATLAN_AUTH_CLIENT_SECRET
                    key: ATLAN_AUTH_CLIENT_SECRET
            auth:
              secretStore: deployment-secret-store
            """;

    private static final String SECRET_STORE = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: deployment-secret-store
            spec:
              type: secretstores.local.env
              version: v1
            """;

    @TempDir
    Path workDir;

    @Test
    void usesTheEmbeddedDefaultWhenNoFolderIsFound() {
        StorageConfiguration config = StorageConfiguration.load(Optional.empty(), Map.of(), workDir);

        assertThat(config.location().origin()).isEqualTo(ComponentsLocation.Origin.EMBEDDED_DEFAULT);
        assertThat(config.components()).containsOnlyKeys("objectstore", "upstream-objectstore", "statestore");
        assertThat(config.storeSettings("objectstore", 1).metadata())
                .containsEntry("rootPath", "./local/dapr/objectstore");
        assertThat(config.storeSettings("objectstore", 1).baseDir())
                .isEqualTo(workDir.toAbsolutePath().normalize());
        assertThatCode(() -> config.requireDistinct("objectstore", "upstream-objectstore"))
                .doesNotThrowAnyException();
    }

    @Test
    void prefersTheEnvironmentVariableOverDotComponents() throws IOException {
        writeComponent(workDir.resolve("components"), "from-dot-components");
        writeComponent(workDir.resolve("elsewhere"), "from-env");

        StorageConfiguration config = StorageConfiguration.load(
                Optional.empty(), Map.of(StorageConfiguration.COMPONENTS_ENV, "elsewhere"), workDir);

        assertThat(config.location().origin()).isEqualTo(ComponentsLocation.Origin.ENVIRONMENT);
        assertThat(config.location().folder())
                .contains(workDir.resolve("elsewhere").toAbsolutePath().normalize());
        assertThat(config.components()).containsOnlyKeys("from-env");
    }

    @Test
    void prefersTheCallersFolderOverTheEnvironment() throws IOException {
        writeComponent(workDir.resolve("chosen"), "from-option");
        writeComponent(workDir.resolve("elsewhere"), "from-env");

        StorageConfiguration config = StorageConfiguration.load(
                Optional.of(Path.of("chosen")), Map.of(StorageConfiguration.COMPONENTS_ENV, "elsewhere"), workDir);

        assertThat(config.location().origin()).isEqualTo(ComponentsLocation.Origin.OPTION);
        assertThat(config.components()).containsOnlyKeys("from-option");
    }

    @Test
    void usesDotComponentsInTheWorkingDirectory() throws IOException {
        writeComponent(workDir.resolve("components"), "from-dot-components");

        StorageConfiguration config = StorageConfiguration.load(Optional.empty(), Map.of(), workDir);

        assertThat(config.location().origin()).isEqualTo(ComponentsLocation.Origin.WORKING_DIRECTORY);
        assertThat(config.components()).containsOnlyKeys("from-dot-components");
    }

    @Test
    void aMissingChosenFolderIsAnError() {
        assertThatThrownBy(() -> StorageConfiguration.load(Optional.of(Path.of("nope")), Map.of(), workDir))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining(workDir.resolve("nope").toString())
                .hasMessageContaining("--components");
    }

    @Test
    void storeNamesComeFromTheInjectedEnvironment() {
        StorageConfiguration config = StorageConfiguration.load(
                Optional.empty(),
                Map.of(StoreNames.UPSTREAM_ENV, "atlan-objectstore", StoreNames.STATE_ENV, " "),
                workDir);

        assertThat(config.storeNames()).isEqualTo(new StoreNames("objectstore", "atlan-objectstore", "statestore"));
        assertThat(StoreNames.from(Map.of())).isEqualTo(StoreNames.DEFAULTS);
    }

    @Test
    void opensObjectStoresThroughTheProviderForTheirType() throws IOException {
        writeComponent(workDir.resolve("components"), "memory");
        StorageConfiguration config = StorageConfiguration.load(Optional.empty(), Map.of(), workDir);

        try (Backend store = config.objectStore("memory")) {
            assertThat(store).isInstanceOf(MemoryBackend.class);
            assertThat(store.name()).isEqualTo("memory");
        }
        assertThat(config.objectStoreTypes()).contains(MemoryStoreProvider.TYPE);
    }

    @Test
    void aTypeWithoutABackendListsTheInstalledTypesAndPointsToTheTableOfJars() throws IOException {
        Path folder = Files.createDirectories(workDir.resolve("components"));
        Files.writeString(
                folder.resolve("gcs.yaml"),
                "kind: Component\nmetadata: {name: gcs}\nspec: {type: bindings.gcp.bucket}\n");
        StorageConfiguration config = StorageConfiguration.load(Optional.empty(), Map.of(), workDir);

        assertThatThrownBy(() -> config.objectStore("gcs"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("'gcs'")
                .hasMessageContaining("bindings.gcp.bucket")
                .hasMessageContaining("docs/configuration.md")
                .hasMessageContaining("Installed object store types: [")
                .hasMessageContaining(MemoryStoreProvider.TYPE)
                .hasMessageContaining(folder.resolve("gcs.yaml").toString());
    }

    @Test
    void aStateStoreIsNotAnObjectStore() {
        StorageConfiguration config = StorageConfiguration.load(Optional.empty(), Map.of(), workDir);

        assertThatThrownBy(() -> config.objectStore("statestore"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("state.sqlite")
                .hasMessageContaining("not an object store");
    }

    @Test
    void aMissingStoreListsTheNamesFoundAndTheFolder() throws IOException {
        writeComponent(workDir.resolve("components"), "objectstore");
        StorageConfiguration config = StorageConfiguration.load(
                Optional.empty(), Map.of(StoreNames.UPSTREAM_ENV, "atlan-objectstore"), workDir);

        assertThatThrownBy(() -> config.objectStore(config.storeNames().upstream()))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("'atlan-objectstore'")
                .hasMessageContaining("[objectstore]")
                .hasMessageContaining(workDir.resolve("components").toString())
                .hasMessageContaining(StoreNames.UPSTREAM_ENV);
    }

    @Test
    void refusesTheSameStoreAsSourceAndDestination() {
        StorageConfiguration config =
                StorageConfiguration.load(Optional.empty(), Map.of(StoreNames.UPSTREAM_ENV, "objectstore"), workDir);
        StoreNames names = config.storeNames();

        assertThatThrownBy(() -> config.requireDistinct(names.deployment(), names.upstream()))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("same store 'objectstore'");
    }

    @Test
    void refusesTwoLocalComponentsWithTheSameRootPath() throws IOException {
        Path folder = Files.createDirectories(workDir.resolve("components"));
        Files.writeString(folder.resolve("stores.yaml"), """
                kind: Component
                metadata: {name: objectstore}
                spec:
                  type: bindings.localstorage
                  metadata: [{name: rootPath, value: ./data/store}]
                ---
                kind: Component
                metadata: {name: upstream-objectstore}
                spec:
                  type: bindings.localstorage
                  metadata: [{name: rootPath, value: "%s"}]
                ---
                kind: Component
                metadata: {name: nested}
                spec:
                  type: bindings.localstorage
                  metadata: [{name: rootPath, value: data/store/inner}]
                """.formatted(workDir.resolve("data/other/../store/")));
        StorageConfiguration config = StorageConfiguration.load(Optional.empty(), Map.of(), workDir);

        assertThatThrownBy(() -> config.requireDistinct("objectstore", "upstream-objectstore"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("'objectstore'")
                .hasMessageContaining("'upstream-objectstore'")
                .hasMessageContaining(workDir.resolve("data/store").toString());
        assertThatThrownBy(() -> config.requireDistinct("objectstore", "nested"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("inside");
    }

    @Test
    void theSdkS3ExampleFailsOnItsTenantPlaceholder() throws IOException {
        Path folder = Files.createDirectories(workDir.resolve("components"));
        Files.writeString(folder.resolve("atlan-storage.yaml"), SDK_S3_EXAMPLE);
        Files.writeString(folder.resolve("deployment-secrets.yaml"), SECRET_STORE);
        StorageConfiguration config = StorageConfiguration.load(
                Optional.empty(), Map.of("ATLAN_AUTH_CLIENT_ID", "id", "ATLAN_AUTH_CLIENT_SECRET", "secret"), workDir);

        assertThatThrownBy(() -> config.storeSettings("atlan-objectstore", 1))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("'atlan-objectstore'")
                .hasMessageContaining("'endpoint'")
                .hasMessageContaining("{{tenant}}")
                .hasMessageContaining(folder.resolve("atlan-storage.yaml").toString());
    }

    @Test
    void theSdkS3ExampleResolvesOnceTheTenantIsFilledIn() throws IOException {
        Path folder = Files.createDirectories(workDir.resolve("components"));
        Files.writeString(folder.resolve("atlan-storage.yaml"), SDK_S3_EXAMPLE.replace("{{tenant}}", "acme"));
        Files.writeString(folder.resolve("deployment-secrets.yaml"), SECRET_STORE);
        StorageConfiguration config = StorageConfiguration.load(
                Optional.empty(), Map.of("ATLAN_AUTH_CLIENT_ID", "id", "ATLAN_AUTH_CLIENT_SECRET", "secret"), workDir);

        assertThat(config.storeSettings("atlan-objectstore", 1).metadata())
                .containsEntry("endpoint", "https://acme.atlan.com/api/blobstorage")
                .containsEntry("forcePathStyle", "true")
                .containsEntry("accessKey", "id")
                .containsEntry("secretKey", "secret");
    }

    private static void writeComponent(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(
                folder.resolve(name + ".yaml"),
                "kind: Component\nmetadata: {name: " + name + "}\nspec: {type: " + MemoryStoreProvider.TYPE + "}\n");
    }
}
