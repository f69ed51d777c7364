package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.store.StorageConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider's view of where a bucket lives, which keeps a migration from copying a bucket onto itself. */
class S3StoreProviderTest {

    @TempDir
    Path workDir;

    @Test
    void refusesTwoSpellingsOfOneBucketAtOneEndpoint() throws IOException {
        Path folder = Files.createDirectories(workDir.resolve("components"));
        Files.writeString(folder.resolve("s3.yaml"), """
                kind: Component
                metadata: {name: a}
                spec:
                  type: bindings.aws.s3
                  metadata: [{name: bucket, value: shared}, {name: endpoint, value: "http://localhost:9000/"}]
                ---
                kind: Component
                metadata: {name: b}
                spec:
                  type: bindings.aws.s3
                  metadata: [{name: bucket, value: shared}, {name: endpoint, value: "HTTP://127.0.0.1:9000"}]
                ---
                kind: Component
                metadata: {name: c}
                spec:
                  type: bindings.aws.s3
                  metadata: [{name: bucket, value: other}, {name: endpoint, value: "http://localhost:9000"}]
                ---
                kind: Component
                metadata: {name: d}
                spec:
                  type: bindings.aws.s3
                  metadata: [{name: bucket, value: shared}, {name: endpoint, value: "http://localhost:9001"}]
                """);
        StorageConfiguration config = StorageConfiguration.load(Optional.empty(), Map.of(), workDir);

        assertThatThrownBy(() -> config.requireDistinct("a", "b"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("S3 bucket 'shared' at http://127.0.0.1:9000");
        assertThatCode(() -> config.requireDistinct("a", "c")).doesNotThrowAnyException();
        assertThatCode(() -> config.requireDistinct("a", "d")).doesNotThrowAnyException();
    }
}
