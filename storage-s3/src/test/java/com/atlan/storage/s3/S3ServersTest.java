package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.SeededInputStream;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Behaviour every server here must show, on both request paths: metadata kept by every kind of write and copy, a
 * multipart upload aborted when its thread is interrupted, and uploads left behind found and aborted by a later run.
 * Where a server lacks a request (s3rver has no ListMultipartUploads), the test shows the store fails loudly.
 */
class S3ServersTest {

    private static final ObjectMetadata METADATA = new ObjectMetadata(
            "text/csv",
            "gzip",
            "attachment; filename=\"a.csv\"",
            "en",
            "max-age=3600",
            Map.of("origin", "unit-test", "owner", "atlan"));

    static Stream<Arguments> servers() {
        return Stream.of("S3Proxy", "S3Mock", "s3rver")
                .flatMap(server -> Stream.of("true", "false").map(fastPath -> Arguments.of(server, fastPath)));
    }

    private static TestS3Server server(String name) {
        return switch (name) {
            case "S3Proxy" -> S3ProxyServer.get();
            case "S3Mock" -> S3MockServer.get();
            default -> S3rverServer.get();
        };
    }

    @ParameterizedTest(name = "{0}, fastPath {1}")
    @MethodSource("servers")
    void metadataTravelsWithEveryWriteAndCopy(String name, String fastPath) {
        TestS3Server server = server(name);
        Map<String, String> settings = Map.of(
                "fastPath", fastPath,
                "multipartThreshold", "5MiB",
                "multipartPartSize", "5MiB",
                "copyThreshold", "1MiB",
                "copyPartSize", "5MiB");
        try (S3Backend source = server.newStore("meta-src", settings);
                S3Backend destination = server.newStore("meta-dst", settings)) {
            PutOptions options = PutOptions.DEFAULT.withMetadata(METADATA);
            byte[] small = "a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            source.put("small.csv", new ByteArrayInputStream(small), small.length, options);
            long large = 6L * 1024 * 1024;
            source.put("large.csv", new SeededInputStream(1, large), large, options);

            assertMetadata(source, "small.csv");
            assertMetadata(source, "large.csv"); // multipart upload

            // server side: CopyObject for the small object, UploadPartCopy for the large one
            for (String key : List.of("small.csv", "large.csv")) {
                ObjectInfo listed = source.stat(key).orElseThrow();
                if (name.equals("s3rver") && key.equals("large.csv")) {
                    continue; // s3rver has no UploadPartCopy; its CopyObject is covered by the small object
                }
                destination.copyFrom(source, listed);
                assertMetadata(destination, key);
            }
        }
    }

    private static void assertMetadata(S3Backend store, String key) {
        ObjectMetadata stat = store.stat(key).orElseThrow().metadata();
        assertThat(stat).as("%s in %s (HEAD)", key, store.name()).isEqualTo(METADATA);
        try (var read = store.open(key, 0, 1)) {
            assertThat(read.info().metadata())
                    .as("%s in %s (GET)", key, store.name())
                    .isEqualTo(METADATA);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}, fastPath {1}")
    @MethodSource("servers")
    void interruptingAMultipartUploadAbortsIt(String name, String fastPath) throws Exception {
        TestS3Server server = server(name);
        Assumptions.assumeFalse(
                name.equals("s3rver"), "s3rver cannot list uploads to check (see abortIncompleteWrites)");
        try (S3Backend store = server.newStore("interrupt", Map.of("fastPath", fastPath))) {
            CountDownLatch partsSent = new CountDownLatch(1);
            long size = 64L * 1024 * 1024;
            InputStream seeded = new SeededInputStream(9, size);
            InputStream slow = new java.io.FilterInputStream(seeded) {
                private long read;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    read += Math.max(n, 0);
                    if (read > 20L * 1024 * 1024) {
                        partsSent.countDown();
                        try {
                            Thread.sleep(60_000); // the migration is cancelled while the source is slow
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return -1;
                        }
                    }
                    return n;
                }
            };
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    store.put("cancelled/big", slow, size, PutOptions.DEFAULT);
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            });
            partsSent.await();
            writer.interrupt();
            writer.join(Duration.ofSeconds(60));

            assertThat(writer.isAlive()).isFalse();
            assertThat(failure.get()).isInstanceOf(StorageException.class);
            assertThat(server.admin()
                            .listMultipartUploads(b -> b.bucket(store.bucket()))
                            .uploads())
                    .as("the upload was aborted on the server")
                    .isEmpty();
            assertThat(store.stat("cancelled/big")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}, fastPath {1}")
    @MethodSource("servers")
    void uploadsLeftBehindAreFoundAndAbortedByALaterRun(String name, String fastPath) {
        TestS3Server server = server(name);
        try (S3Backend store = server.newStore("left", Map.of("fastPath", fastPath))) {
            String bucket = store.bucket();
            if (name.equals("s3rver")) {
                // s3rver answers ListMultipartUploads with 501: the store says so instead of reporting 0
                assertThatThrownBy(() -> store.abortIncompleteWrites("left/", Instant.now()))
                        .isInstanceOf(StorageConfigException.class)
                        .hasMessageContaining("does not support");
                return;
            }
            server.admin().createMultipartUpload(b -> b.bucket(bucket).key("left/a"));
            server.admin().createMultipartUpload(b -> b.bucket(bucket).key("left/b/c"));
            server.admin().createMultipartUpload(b -> b.bucket(bucket).key("kept/d"));

            assertThat(store.abortIncompleteWrites("left/", Instant.now().minusSeconds(3600)))
                    .as("uploads started after the cutoff may belong to a run still going")
                    .isZero();
            assertThat(store.abortIncompleteWrites("left/", Instant.now().plusSeconds(60)))
                    .isEqualTo(2);

            assertThat(server.admin()
                            .listMultipartUploads(b -> b.bucket(bucket))
                            .uploads())
                    .extracting(u -> u.key())
                    .containsExactly("kept/d");
        }
    }
}
