package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.SeededInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lean HTTP path against S3Proxy: connection reuse, early close, metadata and the fastPath switch. */
class LeanS3RequestsTest {

    private final S3ProxyServer server = S3ProxyServer.get();

    @Test
    void manySequentialSmallRequestsReuseFewConnections() throws IOException {
        try (S3Backend store = server.newStore("lean", Map.of())) {
            byte[] data = new byte[4096];
            for (int i = 0; i < 100; i++) {
                store.put("small/" + i, new ByteArrayInputStream(data), data.length, PutOptions.DEFAULT);
                try (InputStream in = store.open("small/" + i)) {
                    assertThat(in.readAllBytes()).hasSize(4096);
                }
                assertThat(store.stat("small/" + i)).isPresent();
            }
            assertThat(((LeanS3Requests) store.requests()).pool().opened()).isLessThanOrEqualTo(2);
            assertThat(store.bytesDownloaded()).isEqualTo(100 * 4096L);
        }
    }

    @Test
    void anEarlyClosedReadDiscardsItsConnection() throws IOException {
        try (S3Backend store = server.newStore("lean", Map.of())) {
            long size = 4L * 1024 * 1024;
            store.put("big", new SeededInputStream(3, size), size, PutOptions.DEFAULT);
            int before = ((LeanS3Requests) store.requests()).pool().opened();
            try (InputStream in = store.open("big")) {
                assertThat(in.readNBytes(10)).hasSize(10);
            }
            assertThat(store.stat("big")).isPresent();
            assertThat(((LeanS3Requests) store.requests()).pool().opened()).isEqualTo(before + 1);
        }
    }

    @Test
    void writesContentTypeAndUserMetadata() {
        try (S3Backend store = server.newStore("lean", Map.of())) {
            store.put(
                    "meta",
                    new ByteArrayInputStream(new byte[3]),
                    3,
                    new PutOptions(
                            null,
                            new ObjectMetadata("text/plain", null, null, null, null, Map.of("origin", "unit test")),
                            null));
            var head = server.admin().headObject(b -> b.bucket(store.bucket()).key("meta"));
            assertThat(head.contentType()).isEqualTo("text/plain");
            assertThat(head.metadata()).containsEntry("origin", "unit test");
        }
    }

    @Test
    void fastPathOffUsesTheSdkOnly() {
        try (S3Backend store = server.newStore("sdk", Map.of("fastPath", "false"))) {
            assertThat(store.requests().lean()).isFalse();
        }
    }
}
