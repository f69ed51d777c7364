package com.atlan.storage.gcs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.StoreSettings;
import com.atlan.storage.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** GCS-specific behaviour on {@link FakeGcsServer}: hashes, metadata, rewrites, raw reads, credentials. */
class GcsBackendTest {

    private static final long MiB = 1024 * 1024;
    private static final ObjectMetadata METADATA = new ObjectMetadata(
            "text/csv", null, "attachment; filename=\"a.csv\"", "en", "max-age=60", Map.of("owner", "atlan"));

    private final FakeGcsServer gcs = FakeGcsServer.get();

    private GcsBackend store(String name) {
        return gcs.newStore(name, Map.of("singlePutLimitMiB", "1", "chunkSizeMiB", "1"));
    }

    @Test
    void reportsCrc32cAndMd5ForSingleAndResumableUploads() throws IOException {
        try (GcsBackend store = store("hashes")) {
            byte[] small = "hello".getBytes(UTF_8);
            byte[] large = TestData.randomStream(4, 3 * MiB + 7).readAllBytes();

            ObjectInfo one = store.put("one", new ByteArrayInputStream(small), small.length, PutOptions.DEFAULT);
            ObjectInfo resumable =
                    store.put("resumable", new ByteArrayInputStream(large), large.length, PutOptions.DEFAULT);

            assertThat(one.hashes()).isEqualTo(hashes(small));
            assertThat(resumable.hashes()).isEqualTo(hashes(large));
            assertThat(store.list("", null).map(ObjectInfo::hashes).toList())
                    .containsExactly(hashes(small), hashes(large));
        }
    }

    @Test
    void refusesBytesThatDoNotHaveTheDeclaredHashesAndWritesNothing() {
        try (GcsBackend store = store("declared")) {
            byte[] small = "hello".getBytes(UTF_8);
            byte[] large = new byte[(int) (2 * MiB + 3)];
            Hashes otherMd5 = Hashes.of(
                    HashKind.MD5, hashes("x".getBytes(UTF_8)).get(HashKind.MD5).orElseThrow());
            Hashes otherCrc = Hashes.of(HashKind.CRC32C, "00000000");

            for (Hashes wrong : java.util.List.of(otherMd5, otherCrc)) {
                PutOptions options = PutOptions.DEFAULT.withExpected(wrong);
                assertThatThrownBy(() -> store.put("small", new ByteArrayInputStream(small), small.length, options))
                        .isInstanceOf(IntegrityException.class);
                assertThatThrownBy(() -> store.put("large", new ByteArrayInputStream(large), large.length, options))
                        .as("the service checks the declared %s of a resumable upload", wrong.kinds())
                        .isInstanceOf(IntegrityException.class);
            }
            assertThat(store.list("", null).toList()).isEmpty();
            PutOptions right = PutOptions.DEFAULT.withExpected(hashes(large));
            assertThat(store.put("large", new ByteArrayInputStream(large), large.length, right)
                            .hashes())
                    .isEqualTo(hashes(large));
        }
    }

    @Test
    void keepsContentHeadersAndUserMetadataAndRewritesKeepThem() throws IOException {
        try (GcsBackend source = store("source");
                GcsBackend destination = store("destination")) {
            byte[] large = TestData.randomStream(5, 2 * MiB).readAllBytes();
            source.put("small", new ByteArrayInputStream(new byte[3]), 3, PutOptions.DEFAULT.withMetadata(METADATA));
            source.put(
                    "large", new ByteArrayInputStream(large), large.length, PutOptions.DEFAULT.withMetadata(METADATA));
            assertThat(source.stat("small").orElseThrow().metadata()).isEqualTo(METADATA);
            assertThat(source.stat("large").orElseThrow().metadata()).isEqualTo(METADATA);
            assertThat(destination.features().canCopyFrom(source.features())).isTrue();

            for (ObjectInfo listed : source.list("", null).toList()) {
                ObjectInfo copied = destination.copyFrom(source, listed);
                assertThat(copied.hashes()).isEqualTo(listed.hashes());
            }

            assertThat(destination.stat("large").orElseThrow().metadata()).isEqualTo(METADATA);
            try (InputStream in = destination.open("large")) {
                assertThat(in.readAllBytes()).isEqualTo(large);
            }
        }
    }

    @Test
    void aRewriteFailsWhenTheSourceChangedSinceTheListing() {
        try (GcsBackend source = store("source");
                GcsBackend destination = store("destination")) {
            source.put("x", new ByteArrayInputStream(new byte[3]), 3, PutOptions.DEFAULT);
            ObjectInfo listed = source.list("", null).toList().getFirst();
            source.put("x", new ByteArrayInputStream(new byte[4]), 4, PutOptions.DEFAULT);

            assertThatThrownBy(() -> destination.copyFrom(source, listed)).isInstanceOf(IntegrityException.class);
            assertThat(destination.stat("x")).isEmpty();
        }
    }

    @Test
    void readsGzipEncodedObjectsAsStoredWithoutDecompressing() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("a text that compresses, a text that compresses".getBytes(UTF_8));
        }
        byte[] stored = gz.toByteArray();
        ObjectMetadata gzip = new ObjectMetadata("text/plain", "gzip", null, null, null, Map.of());
        try (GcsBackend store = store("gzip")) {
            store.put("t.gz", new ByteArrayInputStream(stored), stored.length, PutOptions.DEFAULT.withMetadata(gzip));
            try (InputStream in = store.open("t.gz")) {
                assertThat(in.readAllBytes()).isEqualTo(stored);
            }
            assertThat(store.stat("t.gz").orElseThrow().metadata().contentEncoding())
                    .isEqualTo("gzip");
        }
    }

    @Test
    void aMissingBucketIsAStoreWideConfigurationError() {
        try (Backend store = new GcsStoreProvider().create(gcs.settings("missing", "no-such-bucket", Map.of()))) {
            assertThatThrownBy(() -> store.list("", null).toList())
                    .isInstanceOf(StorageConfigException.class)
                    .hasMessageContaining("no-such-bucket")
                    .satisfies(e ->
                            assertThat(((StorageException) e).isStoreWide()).isTrue());
            assertThatThrownBy(() -> store.put("x", new ByteArrayInputStream(new byte[1]), 1, PutOptions.DEFAULT))
                    .isInstanceOf(StorageConfigException.class);
        }
    }

    @Test
    void aWebServerWhereTheServiceShouldBeFailsInsteadOfReportingSuccess() throws IOException {
        com.sun.net.httpserver.HttpServer web = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = "<html>hello</html>".getBytes(UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        web.start();
        String endpoint = "http://127.0.0.1:" + web.getAddress().getPort();
        try (Backend store =
                new GcsStoreProvider().create(gcs.settings("web", "bucket", Map.of("endpoint", endpoint)))) {
            assertThatThrownBy(() -> store.list("", null).toList()).isInstanceOf(StorageException.class);
            assertThatThrownBy(() -> store.stat("x")).isInstanceOf(StorageException.class);
            assertThatThrownBy(() -> store.put("x", new ByteArrayInputStream(new byte[3]), 3, PutOptions.DEFAULT))
                    .isInstanceOf(StorageException.class);
        } finally {
            web.stop(0);
        }
    }

    @Test
    void readsServiceAccountFieldsWithEscapedNewlinesAndSignsReadUrls() throws Exception {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(keys.generateKeyPair().getPrivate().getEncoded())
                        .replace("\n", "\\n")
                + "\\n-----END PRIVATE KEY-----\\n";
        Map<String, String> metadata = new HashMap<>();
        metadata.put("bucket", "signed-bucket");
        metadata.put("project_id", "my-project");
        metadata.put("private_key_id", "abc123");
        metadata.put("private_key", pem);
        metadata.put("client_email", "migrator@my-project.iam.gserviceaccount.com");
        metadata.put("client_id", "1234");
        metadata.put("token_uri", "https://oauth2.googleapis.com/token");
        try (Backend store =
                new GcsStoreProvider().create(new StoreSettings("sa", "bindings.gcp.bucket", metadata, null, 4))) {
            assertThat(store.features().presignsReads()).isTrue();
            String url = store.presignRead("a b/c.txt", Duration.ofMinutes(10))
                    .orElseThrow()
                    .toString();
            assertThat(url)
                    .startsWith("https://storage.googleapis.com/signed-bucket/a%20b/c.txt?")
                    .contains("X-Goog-Signature=")
                    .contains("migrator%40my-project.iam.gserviceaccount.com");
            assertThat(store.toString()).doesNotContain("PRIVATE KEY");
        }
        metadata.put("private_key", "-----BEGIN PRIVATE KEY-----\\nnot a key\\n-----END PRIVATE KEY-----\\n");
        assertThatThrownBy(() -> new GcsStoreProvider()
                        .create(new StoreSettings("bad", "bindings.gcp.bucket", metadata, null, 4)))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("private_key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not a key"));
    }

    private static Hashes hashes(byte[] data) {
        try {
            CRC32C crc = new CRC32C();
            crc.update(data);
            return Hashes.of(HashKind.CRC32C, String.format("%08x", crc.getValue()))
                    .with(
                            HashKind.MD5,
                            HexFormat.of()
                                    .formatHex(MessageDigest.getInstance("MD5").digest(data)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
