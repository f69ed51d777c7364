package com.atlan.storage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolutionTest {

    private static final String PLANTED = "planted-secret-5f2c9";

    @TempDir
    Path workDir;

    @Test
    void literalValuesPassThrough() throws IOException {
        components(store("""
                    - {name: bucket, value: atlan-bucket}
                """, null));

        assertThat(settings(Map.of()).metadata()).containsEntry("bucket", "atlan-bucket");
    }

    @Test
    void localEnvSecretStoreReadsTheVariableNamedByTheRef() throws IOException {
        components(store("""
                    - name: accessKey
                      secretKeyRef: {name: ATLAN_AUTH_CLIENT_ID, key: ATLAN_AUTH_CLIENT_ID}
                    - name: secretKey
                      secretKeyRef: {name: ABSENT_NAME, key: CLIENT_SECRET}
                """, "deployment-secret-store"), """
                kind: Component
                metadata: {name: deployment-secret-store}
                spec: {type: secretstores.local.env, version: v1}
                """);

        Map<String, String> metadata = settings(Map.of("ATLAN_AUTH_CLIENT_ID", "client-id", "CLIENT_SECRET", PLANTED))
                .metadata();

        assertThat(metadata).containsEntry("accessKey", "client-id").containsEntry("secretKey", PLANTED);
    }

    @Test
    void localEnvSecretStoreHonoursItsPrefix() throws IOException {
        components(store("""
                    - name: accessKey
                      secretKeyRef: {name: CLIENT_ID}
                """, "env-store"), """
                kind: Component
                metadata: {name: env-store}
                spec:
                  type: secretstores.local.env
                  metadata:
                    - {name: prefix, value: APP_}
                """);

        assertThat(settings(Map.of("APP_CLIENT_ID", "prefixed", "CLIENT_ID", "plain"))
                        .metadata())
                .containsEntry("accessKey", "prefixed");
    }

    @Test
    void localFileSecretStoreFlattensNestedObjectsWithItsSeparator() throws IOException {
        Files.writeString(workDir.resolve("secrets.json"), """
                {"atlan": {"client": {"id": "file-client-id", "secret": "%s"}}, "flat": 42}
                """.formatted(PLANTED));
        components(store("""
                    - name: accessKey
                      secretKeyRef: {name: atlan.client.id}
                    - name: secretKey
                      secretKeyRef: {name: atlan.client.secret, key: atlan.client.secret}
                    - name: partSize
                      secretKeyRef: {name: flat}
                """, "file-store"), """
                kind: Component
                metadata: {name: file-store}
                spec:
                  type: secretstores.local.file
                  metadata:
                    - {name: secretsFile, value: ./secrets.json}
                    - {name: nestedSeparator, value: .}
                """);

        assertThat(settings(Map.of()).metadata())
                .containsEntry("accessKey", "file-client-id")
                .containsEntry("secretKey", PLANTED)
                .containsEntry("partSize", "42");
    }

    @Test
    void localFileSecretStoreDefaultsToColonAndSupportsMultiValued() throws IOException {
        Files.writeString(workDir.resolve("secrets.json"), """
                {"db": {"user": "u1"}}
                """);
        components(store("""
                    - name: accessKey
                      secretKeyRef: {name: "db:user"}
                """, "flat-store"), store2("""
                    - name: accessKey
                      secretKeyRef: {name: db, key: user}
                """, "multi-store"), """
                kind: Component
                metadata: {name: flat-store}
                spec:
                  type: secretstores.local.file
                  metadata:
                    - {name: secretsFile, value: secrets.json}
                ---
                kind: Component
                metadata: {name: multi-store}
                spec:
                  type: secretstores.local.file
                  metadata:
                    - {name: secretsFile, value: secrets.json}
                    - {name: multiValued, value: "true"}
                """);

        StorageConfiguration config = load(Map.of());
        assertThat(config.storeSettings("source", 1).metadata()).containsEntry("accessKey", "u1");
        assertThat(config.storeSettings("second", 1).metadata()).containsEntry("accessKey", "u1");
    }

    @Test
    void withoutASecretStoreTheEnvironmentIsReadByKeyThenName() throws IOException {
        components(store("""
                    - name: accessKey
                      secretKeyRef: {name: BY_NAME, key: BY_KEY}
                    - name: secretKey
                      secretKeyRef: {name: ONLY_NAME, key: MISSING_KEY}
                """, null));

        Map<String, String> metadata = settings(
                        Map.of("BY_KEY", "key-wins", "BY_NAME", "name-loses", "ONLY_NAME", "by-name"))
                .metadata();

        assertThat(metadata).containsEntry("accessKey", "key-wins").containsEntry("secretKey", "by-name");
    }

    @Test
    void aSecretMissingFromTheSecretStoreFallsBackToTheEnvironment() throws IOException {
        Files.writeString(workDir.resolve("secrets.json"), "{}");
        components(store("""
                    - name: accessKey
                      secretKeyRef: {name: CLIENT_ID}
                """, "file-store"), """
                kind: Component
                metadata: {name: file-store}
                spec:
                  type: secretstores.local.file
                  metadata: [{name: secretsFile, value: secrets.json}]
                """);

        assertThat(settings(Map.of("CLIENT_ID", "from-env")).metadata()).containsEntry("accessKey", "from-env");
    }

    @Test
    void unsupportedOrMissingSecretStoresFallBackToTheEnvironment() throws IOException {
        components(store("""
                    - name: accessKey
                      secretKeyRef: {name: CLIENT_ID}
                """, "vault"), """
                kind: Component
                metadata: {name: vault}
                spec: {type: secretstores.hashicorp.vault}
                """);

        assertThat(settings(Map.of("CLIENT_ID", "from-env")).metadata()).containsEntry("accessKey", "from-env");
    }

    @Test
    void anUnresolvableSecretNamesComponentFieldAndRefButNoSecretValue() throws IOException {
        components(store("""
                    - name: accessKey
                      secretKeyRef: {name: ATLAN_AUTH_CLIENT_ID}
                    - name: secretKey
                      secretKeyRef: {name: ATLAN_AUTH_CLIENT_SECRET}
                """, "deployment-secret-store"), """
                kind: Component
                metadata: {name: deployment-secret-store}
                spec: {type: secretstores.local.env}
                """);

        assertThatThrownBy(() -> settings(Map.of("ATLAN_AUTH_CLIENT_ID", PLANTED)))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("'source'")
                .hasMessageContaining("'secretKey'")
                .hasMessageContaining("ATLAN_AUTH_CLIENT_SECRET")
                .hasMessageContaining("deployment-secret-store")
                .hasMessageNotContaining(PLANTED);
    }

    @Test
    void resolvedSecretsNeverAppearInSettingsToString() throws IOException {
        components(store("""
                    - name: secretKey
                      secretKeyRef: {name: SECRET}
                """, null));

        StoreSettings settings = settings(Map.of("SECRET", PLANTED));

        assertThat(settings.metadata()).containsEntry("secretKey", PLANTED);
        assertThat(settings.toString()).doesNotContain(PLANTED);
        assertThat(load(Map.of("SECRET", PLANTED)).component("source").toString())
                .doesNotContain(PLANTED);
    }

    @Test
    void anUnparsableSecretsFileDoesNotQuoteItsContent() throws IOException {
        Files.writeString(workDir.resolve("secrets.json"), "{\"a\": " + PLANTED + "}");
        components(store("""
                    - name: accessKey
                      secretKeyRef: {name: a}
                """, "file-store"), """
                kind: Component
                metadata: {name: file-store}
                spec:
                  type: secretstores.local.file
                  metadata: [{name: secretsFile, value: secrets.json}]
                """);

        assertThatThrownBy(() -> settings(Map.of()))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("secrets.json")
                .hasMessageContaining("line 1")
                .hasMessageNotContaining(PLANTED)
                .hasNoCause();
    }

    @Test
    void unfilledPlaceholdersNameComponentAndField() throws IOException {
        components(store("""
                    - {name: endpoint, value: "https://{{tenant}}.atlan.com/api/blobstorage"}
                """, null));

        assertThatThrownBy(() -> settings(Map.of()))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("'source'")
                .hasMessageContaining("'endpoint'")
                .hasMessageContaining("{{tenant}}");
    }

    @Test
    void aPlaceholderInsideASecretIsReportedWithoutTheSecret() throws IOException {
        components(store("""
                    - name: secretKey
                      secretKeyRef: {name: SECRET}
                """, null));

        assertThatThrownBy(() -> settings(Map.of("SECRET", PLANTED + "{{x}}")))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("'secretKey'")
                .hasMessageNotContaining(PLANTED);
    }

    private static String store(String metadata, String secretStore) {
        return named("source", metadata, secretStore);
    }

    private static String store2(String metadata, String secretStore) {
        return named("second", metadata, secretStore);
    }

    private static String named(String name, String metadata, String secretStore) {
        return "kind: Component\nmetadata: {name: " + name + "}\nspec:\n  type: bindings.test.memory\n  metadata:\n"
                + metadata + (secretStore == null ? "" : "auth:\n  secretStore: " + secretStore + "\n");
    }

    private void components(String... documents) throws IOException {
        Path folder = Files.createDirectories(workDir.resolve("components"));
        Files.writeString(folder.resolve("components.yaml"), String.join("---\n", documents));
    }

    private StorageConfiguration load(Map<String, String> env) {
        return StorageConfiguration.load(Optional.empty(), env, workDir);
    }

    private StoreSettings settings(Map<String, String> env) {
        return load(env).storeSettings("source", 4);
    }
}
