package com.atlan.storage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.StorageConfigException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentsLoaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryComponentDocumentOfAMultiDocumentFile() throws IOException {
        write("stores.yaml", """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: objectstore
                spec:
                  type: bindings.localstorage
                  version: v1
                  metadata:
                    - name: rootPath
                      value: ./local/dapr/objectstore
                ---
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: statestore
                spec:
                  type: state.sqlite
                  version: v1
                """);

        List<Component> components = ComponentsLoader.loadFolder(dir);

        assertThat(components).extracting(Component::name).containsExactly("objectstore", "statestore");
        Component store = components.getFirst();
        assertThat(store.type()).isEqualTo("bindings.localstorage");
        assertThat(store.version()).isEqualTo("v1");
        assertThat(store.entry("rootPath")).contains(new MetadataValue.Literal("./local/dapr/objectstore"));
        assertThat(store.source()).isEqualTo(dir.resolve("stores.yaml").toString());
    }

    @Test
    void ignoresOtherKindsEmptyDocumentsAndNonYamlFiles() throws IOException {
        write("configuration.yaml", """
                apiVersion: dapr.io/v1alpha1
                kind: Configuration
                metadata:
                  name: config
                spec:
                  features:
                    - name: HotReload
                      enabled: true
                ---
                ---
                kind: Component
                metadata: {name: eventstore}
                spec: {type: bindings.localstorage}
                """);
        write("notes.txt", "kind: Component\nmetadata: {name: ignored}\nspec: {type: x}\n");
        write("more.yml", "kind: Component\nmetadata: {name: other}\nspec: {type: bindings.localstorage}\n");

        assertThat(ComponentsLoader.loadFolder(dir)).extracting(Component::name).containsExactly("eventstore", "other");
    }

    @Test
    void keepsScalarValuesAsWritten() {
        List<Component> components = parse("""
                kind: Component
                metadata: {name: s3}
                spec:
                  type: bindings.aws.s3
                  metadata:
                    - {name: forcePathStyle, value: true}
                    - {name: partSize, value: 0123}
                    - {name: ratio, value: 1.50}
                    - {name: empty}
                """);

        Component c = components.getFirst();
        assertThat(c.entry("forcePathStyle")).contains(new MetadataValue.Literal("true"));
        assertThat(c.entry("partSize")).contains(new MetadataValue.Literal("0123"));
        assertThat(c.entry("ratio")).contains(new MetadataValue.Literal("1.50"));
        assertThat(c.entry("empty")).contains(new MetadataValue.Literal(""));
    }

    @Test
    void readsSecretKeyRefsAndAuthSecretStore() {
        Component c = parse("""
                kind: Component
                metadata: {name: atlan-objectstore}
                spec:
                  type: bindings.aws.s3
                  metadata:
                    - name: accessKey
                      secretKeyRef: {name: ATLAN_AUTH_CLIENT_ID, key: ATLAN_AUTH_CLIENT_ID}
                    - name: secretKey
                      secretKeyRef: {name: creds}
                    - name: region
                      value: us-east-1
                      secretKeyRef: {name: ignored}
                    - name: bucket
                      value: ""
                      secretKeyRef: {name: BUCKET}
                auth:
                  secretStore: deployment-secret-store
                """).getFirst();

        assertThat(c.secretStore()).contains("deployment-secret-store");
        assertThat(c.entry("accessKey"))
                .contains(new MetadataValue.SecretKeyRef("ATLAN_AUTH_CLIENT_ID", "ATLAN_AUTH_CLIENT_ID"));
        assertThat(c.entry("secretKey")).contains(new MetadataValue.SecretKeyRef("creds", "creds"));
        assertThat(c.entry("region")).as("a non-empty value wins").contains(new MetadataValue.Literal("us-east-1"));
        assertThat(c.entry("bucket"))
                .as("an empty value defers to the ref")
                .contains(new MetadataValue.SecretKeyRef("BUCKET", null));
    }

    @Test
    void neverPrintsMetadataValues() {
        Component c = parse("""
                kind: Component
                metadata: {name: s3}
                spec:
                  type: bindings.aws.s3
                  metadata:
                    - {name: secretKey, value: planted-secret-value}
                """).getFirst();

        assertThat(c.toString()).contains("secretKey").doesNotContain("planted-secret-value");
        assertThat(c.metadata().toString()).doesNotContain("planted-secret-value");
    }

    @Test
    void duplicateNamesNameBothFiles() throws IOException {
        write("a.yaml", "kind: Component\nmetadata: {name: objectstore}\nspec: {type: bindings.localstorage}\n");
        write("b.yaml", "kind: Component\nmetadata: {name: objectstore}\nspec: {type: bindings.aws.s3}\n");

        assertThatThrownBy(() -> ComponentsLoader.loadFolder(dir))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("'objectstore'")
                .hasMessageContaining(dir.resolve("a.yaml").toString())
                .hasMessageContaining(dir.resolve("b.yaml").toString());
    }

    @Test
    void malformedYamlNamesFileAndLine() throws IOException {
        write("broken.yaml", """
                kind: Component
                metadata:
                  name: objectstore
                spec:
                  type: [bindings.localstorage
                  metadata: x
                """);

        assertThatThrownBy(() -> ComponentsLoader.loadFolder(dir))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining(dir.resolve("broken.yaml").toString())
                .hasMessageMatching("(?s).*line [67].*");
    }

    @Test
    void duplicateKeysInAMappingAreMalformed() {
        assertThatThrownBy(() -> parse("kind: Component\nmetadata: {name: a}\nspec: {type: x}\nspec: {type: y}\n"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("test.yaml")
                .hasMessageContaining("line 4");
    }

    @Test
    void missingNameOrTypeIsNamed() {
        assertThatThrownBy(() -> parse("kind: Component\nmetadata: {}\nspec: {type: x}\n"))
                .hasMessageContaining("metadata.name")
                .hasMessageContaining("test.yaml");
        assertThatThrownBy(() -> parse("kind: Component\nmetadata: {name: a}\nspec: {}\n"))
                .hasMessageContaining("'a'")
                .hasMessageContaining("spec.type");
    }

    @Test
    void unsupportedValueFormsAreRejectedRatherThanLeftEmpty() {
        assertThatThrownBy(() -> parse("""
                kind: Component
                metadata: {name: a}
                spec:
                  type: bindings.aws.s3
                  metadata:
                    - {name: bucket, envRef: BUCKET}
                """))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("'a'")
                .hasMessageContaining("'bucket'")
                .hasMessageContaining("envRef");
    }

    @Test
    void embeddedDefaultDescribesLocalStores() {
        List<Component> defaults = ComponentsLoader.loadEmbeddedDefault();

        assertThat(defaults)
                .extracting(Component::name)
                .containsExactly("objectstore", "upstream-objectstore", "statestore");
        assertThat(defaults.get(0).entry("rootPath")).contains(new MetadataValue.Literal("./local/dapr/objectstore"));
        assertThat(defaults.get(1).entry("rootPath"))
                .contains(new MetadataValue.Literal("./local/dapr/upstream-objectstore"));
        assertThat(defaults.get(2).type()).isEqualTo("state.sqlite");
        assertThat(defaults.get(2).entry("connectionString"))
                .contains(new MetadataValue.Literal("./local/dapr/statestore.db"));
        assertThat(defaults.get(0).secretStore()).isEqualTo(Optional.empty());
    }

    private static List<Component> parse(String yaml) {
        return ComponentsLoader.parse(new StringReader(yaml), "test.yaml");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
