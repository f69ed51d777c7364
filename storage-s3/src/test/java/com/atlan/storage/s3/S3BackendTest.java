package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendProvider;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.SeededInputStream;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.store.TransientStorageException;
import com.atlan.storage.store.local.LocalBackend;
import com.atlan.storage.testing.DamagedStreams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** S3-only behaviour against S3Proxy: errors, server-side copy, multipart integrity and the byte budget. */
class S3BackendTest {

    private static final long MiB = 1024 * 1024;
    private final S3ProxyServer server = S3ProxyServer.get();

    @Test
    void isFoundThroughServiceLoaderForBothDaprTypes() {
        List<BackendProvider> providers = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();

        assertThat(providers)
                .filteredOn(
                        p -> p.types().contains("bindings.aws.s3") && p.types().contains("bindings.s3"))
                .singleElement()
                .isInstanceOf(S3StoreProvider.class);
    }

    @Test
    void missingBucketIsAConfigErrorNamingBucketAndComponent() {
        try (Backend store = new S3StoreProvider().create(server.settings("uploads", "no-such-bucket", Map.of()))) {
            assertThatThrownBy(() -> store.list("", null).toList())
                    .isInstanceOf(StorageConfigException.class)
                    .hasMessageContaining("no-such-bucket")
                    .hasMessageContaining("'uploads'");
            assertThatThrownBy(() -> store.put("k", InputStream.nullInputStream(), 0, PutOptions.DEFAULT))
                    .isInstanceOf(StorageConfigException.class);
        }
    }

    @Test
    void wrongCredentialsArePermissionErrorsThatNameTheirSourceNotTheirValue() {
        String bucket = server.newBucket();
        try (Backend store = new S3StoreProvider()
                .create(server.settings("upstream", bucket, Map.of("secretKey", "wrong-secret-value")))) {
            assertThatThrownBy(() -> store.list("", null).toList())
                    .isInstanceOf(StoragePermissionException.class)
                    .hasMessageContaining("accessKey/secretKey from component 'upstream'")
                    .hasMessageNotContaining("wrong-secret-value");
            assertThatThrownBy(() -> store.open("x")).isInstanceOf(StoragePermissionException.class);
            assertThat(store.toString()).doesNotContain("wrong-secret-value").doesNotContain(S3ProxyServer.ACCESS_KEY);
        }
    }

    @Test
    void copiesBetweenBucketsOnTheServer() {
        try (S3Backend source = server.newStore("source", Map.of());
                S3Backend target = server.newStore("target", Map.of())) {
            long size = 3 * MiB;
            ObjectInfo written = source.put("copy/me", new SeededInputStream(1, size), size, PutOptions.DEFAULT);
            ObjectInfo listed = source.list("copy/", null).findFirst().orElseThrow();

            assertThat(target.features().canCopyFrom(source.features())).isTrue();
            ObjectInfo copied = target.copyFrom(source, listed);

            assertThat(copied.size()).isEqualTo(size);
            assertThat(copied.etag()).isEqualTo(written.etag());
            assertThat(source.bytesDownloaded()).isZero();
            assertThat(target.bytesUploaded()).isZero();
            assertThat(SeededInputStream.sha256Of(target.open("copy/me"))).isEqualTo(SeededInputStream.sha256(1, size));
        }
    }

    @Test
    void copiesOddlyNamedKeysOnTheServerWithEitherPath() {
        for (String fastPath : new String[] {"true", "false"}) {
            try (S3Backend source = server.newStore("source", Map.of("fastPath", fastPath));
                    S3Backend target = server.newStore("target", Map.of("fastPath", fastPath))) {
                String key = "odd/with space & 100%+é/😀.txt";
                source.put(key, new SeededInputStream(3, 1000), 1000, PutOptions.DEFAULT);
                ObjectInfo listed = source.list("odd/", null).findFirst().orElseThrow();

                ObjectInfo copied = target.copyFrom(source, listed);

                assertThat(copied.etag()).as("fastPath=%s", fastPath).isEqualTo(listed.etag());
                assertThat(copied.size()).isEqualTo(1000);
                assertThat(SeededInputStream.sha256Of(target.open(key))).isEqualTo(SeededInputStream.sha256(3, 1000));
            }
        }
    }

    @Test
    void copiesLargeObjectsAsParallelPartCopies() {
        try (S3Backend source = server.newStore("source", Map.of());
                S3Backend target = server.newStore("target", Map.of("copyThreshold", "5MiB", "copyPartSize", "5MiB"))) {
            long size = 12 * MiB + 7;
            source.put("big/copy", new SeededInputStream(2, size), size, PutOptions.DEFAULT);
            ObjectInfo listed = source.stat("big/copy").orElseThrow();

            ObjectInfo copied = target.copyFrom(source, listed);

            assertThat(copied.size()).isEqualTo(size);
            assertThat(copied.etag()).endsWith("-3");
            assertThat(source.bytesDownloaded()).isZero();
            assertThat(target.bytesUploaded()).isZero();
            assertThat(SeededInputStream.sha256Of(target.open("big/copy")))
                    .isEqualTo(SeededInputStream.sha256(2, size));
            assertThat(server.admin()
                            .listMultipartUploads(b -> b.bucket(target.bucket()))
                            .uploads())
                    .isEmpty();
        }
    }

    @Test
    void refusesToCopyAnObjectThatChangedSinceItWasListed() {
        try (S3Backend source = server.newStore("source", Map.of());
                S3Backend target = server.newStore("target", Map.of())) {
            source.put("changing", new SeededInputStream(1, 100), 100, PutOptions.DEFAULT);
            ObjectInfo listed = source.stat("changing").orElseThrow();
            source.put("changing", new SeededInputStream(2, 100), 100, PutOptions.DEFAULT);

            assertThatThrownBy(() -> target.copyFrom(source, listed))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("changed since it was listed");
            assertThat(target.stat("changing")).isEmpty();
        }
    }

    @Test
    void unknownMetadataIsIgnored() {
        try (Backend store = new S3StoreProvider()
                .create(server.settings(
                        "odd", server.newBucket(), Map.of("someFutureOption", "x", "decodeBase64", "true")))) {
            assertThat(store.list("", null).toList()).isEmpty();
        }
    }

    @Test
    void copiesOnlyWithinOneEndpointAndCredentials() {
        try (S3Backend store = server.newStore("a", Map.of());
                S3Backend otherCredentials = server.newStore("b", Map.of("secretKey", "another-secret"));
                S3Backend otherRegion = server.newStore("c", Map.of("region", "eu-west-1"));
                Backend local = new LocalBackend("local", Path.of("target/unused"))) {
            assertThat(store.features().canCopyFrom(otherCredentials.features()))
                    .isFalse();
            assertThat(store.features().canCopyFrom(otherRegion.features())).isFalse();
            assertThat(store.features().canCopyFrom(local.features())).isFalse();
        }
    }

    @Test
    void buildsTheSdkClientOnlyForARequestTheLeanPathDoesNotMake() throws IOException {
        try (S3Backend store = server.newStore("lazy-sdk", Map.of())) {
            byte[] content = SeededInputStream.bytes(13, 1000);
            store.put("lazy/a", new java.io.ByteArrayInputStream(content), content.length, PutOptions.DEFAULT);
            try (InputStream in = store.open("lazy/a")) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
            try (var listing = store.list("lazy/", null)) {
                assertThat(listing.count()).isOne();
            }
            assertThat(store.stat("lazy/a")).isPresent();
            long size = 20 * MiB;
            store.put(
                    "lazy/multipart",
                    new SeededInputStream(14, size),
                    size,
                    new PutOptions(
                            null,
                            new ObjectMetadata("text/csv", null, null, null, null, Map.of("origin", "lean")),
                            null));
            var head = server.admin().headObject(b -> b.bucket(store.bucket()).key("lazy/multipart"));
            assertThat(head.eTag()).endsWith("-3\"");
            assertThat(head.contentType()).isEqualTo("text/csv");
            assertThat(head.metadata()).containsEntry("origin", "lean");
            InputStream failing = DamagedStreams.failingAfter(new SeededInputStream(15, size), 9 * MiB, "source gone");
            assertThatThrownBy(() -> store.put("lazy/aborted", failing, size, PutOptions.DEFAULT))
                    .isInstanceOf(RuntimeException.class);
            assertThat(server.admin()
                            .listMultipartUploads(b -> b.bucket(store.bucket()))
                            .uploads())
                    .as("the failed upload was aborted")
                    .isEmpty();
            assertThat(store.sdk().built())
                    .as("listing, GET, PUT, HEAD and multipart uploads (start, parts, completion, abort) all went"
                            + " the lean way")
                    .isFalse();

            assertThat(store.delete("lazy/a")).isTrue();

            assertThat(store.sdk().built())
                    .as("DeleteObject goes through the SDK")
                    .isTrue();
            assertThat(store.stat("lazy/a")).isEmpty();
        }
    }

    @Test
    void abortsTheMultipartUploadWhenTheSourceFails() {
        try (S3Backend store = server.newStore("abort", Map.of())) {
            long size = 40 * MiB;
            InputStream failing =
                    DamagedStreams.failingAfter(new SeededInputStream(3, size), 20 * MiB, "connection reset by source");

            assertThatThrownBy(() -> store.put("fails/midway", failing, size, PutOptions.DEFAULT))
                    .isInstanceOf(TransientStorageException.class)
                    .hasMessageContaining("connection reset by source");

            assertThat(server.admin()
                            .listMultipartUploads(b -> b.bucket(store.bucket()))
                            .uploads())
                    .isEmpty();
            assertThat(store.stat("fails/midway")).isEmpty();
            assertThat(store.byteBudget().inUse()).isZero();
        }
    }

    @Test
    void shortSourceFailsAMultipartUploadWithoutLeavingParts() {
        try (S3Backend store = server.newStore("short", Map.of())) {
            assertThatThrownBy(() ->
                            store.put("short/big", new SeededInputStream(4, 20 * MiB), 30 * MiB, PutOptions.DEFAULT))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("20971520 of 31457280");

            assertThat(server.admin()
                            .listMultipartUploads(b -> b.bucket(store.bucket()))
                            .uploads())
                    .isEmpty();
            assertThat(store.stat("short/big")).isEmpty();
        }
    }

    @Test
    void multipartEtagMatchesTheLocallyComputedOne() {
        try (S3Backend store = server.newStore("etag", Map.of())) {
            long size = 20 * MiB;

            ObjectInfo written = store.put("etag/x", new SeededInputStream(5, size), size, PutOptions.DEFAULT);

            assertThat(written.etag()).endsWith("-3");
            assertThat(store.stat("etag/x").orElseThrow().etag()).isEqualTo(written.etag());
            assertThat(store.bytesUploaded()).isEqualTo(size);
        }
    }

    @Test
    void concurrentLargeUploadsStayWithinTheByteBudget() throws Exception {
        try (S3Backend store = server.newStore("budget", Map.of("byteBudget", "24MiB", "multipartPartSize", "8MiB"))) {
            long size = 30 * MiB;
            List<Future<ObjectInfo>> uploads = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 6; i++) {
                    String key = "budget/" + i;
                    long seed = i;
                    uploads.add(pool.submit(
                            () -> store.put(key, new SeededInputStream(seed, size), size, PutOptions.DEFAULT)));
                }
                for (int i = 0; i < 20; i++) {
                    String key = "budget/small-" + i;
                    uploads.add(
                            pool.submit(() -> store.put(key, new SeededInputStream(9, MiB), MiB, PutOptions.DEFAULT)));
                }
                for (Future<ObjectInfo> f : uploads) {
                    f.get();
                }
            }

            assertThat(store.byteBudget().peakInUse())
                    .isLessThanOrEqualTo(24 * MiB)
                    .isGreaterThanOrEqualTo(16 * MiB);
            assertThat(store.byteBudget().inUse()).isZero();
            assertThat(store.list("budget/", null).filter(o -> !o.key().contains("small")))
                    .hasSize(6)
                    .allSatisfy(o -> assertThat(o.size()).isEqualTo(size));
            assertThat(SeededInputStream.sha256Of(store.open("budget/3"))).isEqualTo(SeededInputStream.sha256(3, size));
        }
    }

    @Test
    void earlyCloseOfAReadDoesNotDownloadTheRest() throws IOException {
        try (S3Backend store = server.newStore("early", Map.of())) {
            long size = 32 * MiB;
            store.put("early/x", new SeededInputStream(6, size), size, PutOptions.DEFAULT);

            try (InputStream in = store.open("early/x")) {
                assertThat(in.readNBytes(1000)).hasSize(1000);
            }

            assertThat(store.bytesDownloaded()).isLessThan(size / 2);
            assertThat(store.stat("early/x")).isPresent(); // the client still works after the abort
        }
    }

    @Test
    void measuresLargeTransferTimes() {
        try (S3Backend store = server.newStore("measure", Map.of())) {
            long size = 100 * MiB;
            long start = System.nanoTime();
            store.put("measure/100MiB", new SeededInputStream(8, size), size, PutOptions.DEFAULT);
            long put = System.nanoTime() - start;
            start = System.nanoTime();
            SeededInputStream.sha256Of(store.open("measure/100MiB"));
            long get = System.nanoTime() - start;
            System.out.printf(
                    "100 MiB multipart PUT (8 MiB parts, 8 in parallel): %d ms (%.0f MiB/s); GET + SHA-256: %d ms%n",
                    put / 1_000_000, 100 / (put / 1e9), get / 1_000_000);
        }
    }
}
