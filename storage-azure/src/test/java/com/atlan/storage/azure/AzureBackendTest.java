package com.atlan.storage.azure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Azure-specific behaviour on Azurite: integrity, metadata, server-side copies, containers and credentials. */
class AzureBackendTest {

    private static final long MiB = 1024 * 1024;
    private static final ObjectMetadata METADATA = new ObjectMetadata(
            "text/csv", "identity", "attachment; filename=\"a.csv\"", "en", "max-age=60", Map.of("owner", "atlan"));

    private final AzuriteServer azurite = AzuriteServer.get();

    @Test
    void reportsTheMd5TheServiceRecordedForSingleAndBlockUploads() {
        try (AzureBackend store = azurite.newStore("md5", Map.of("singlePutLimitMiB", "1", "blockSizeMiB", "1"))) {
            byte[] small = "hello".getBytes(UTF_8);
            byte[] large = TestData.randomStream(3, 3 * MiB + 17).readAllBytes();

            ObjectInfo one = store.put("one", new ByteArrayInputStream(small), small.length, PutOptions.DEFAULT);
            ObjectInfo blocks = store.put("blocks", new ByteArrayInputStream(large), large.length, PutOptions.DEFAULT);

            assertThat(one.hashes().get(HashKind.MD5)).contains(md5(small));
            assertThat(blocks.hashes().get(HashKind.MD5)).contains(md5(large));
            assertThat(store.stat("blocks").orElseThrow().hashes().get(HashKind.MD5))
                    .contains(md5(large));
            assertThat(keysWithMd5(store)).containsEntry("blocks", md5(large)).containsEntry("one", md5(small));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refusesBytesThatDoNotHaveTheDeclaredMd5AndWritesNothing() {
        try (AzureBackend store =
                azurite.newStore("md5-check", Map.of("singlePutLimitMiB", "1", "blockSizeMiB", "1"))) {
            byte[] small = "hello".getBytes(UTF_8);
            byte[] large = new byte[(int) (2 * MiB + 5)];
            PutOptions wrong = PutOptions.DEFAULT.withExpected(Hashes.of(HashKind.MD5, md5("other".getBytes(UTF_8))));

            assertThatThrownBy(() -> store.put("small", new ByteArrayInputStream(small), small.length, wrong))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("declared");
            assertThatThrownBy(() -> store.put("large", new ByteArrayInputStream(large), large.length, wrong))
                    .isInstanceOf(IntegrityException.class);

            assertThat(store.stat("small")).isEmpty();
            assertThat(store.stat("large")).isEmpty();
            PutOptions right = PutOptions.DEFAULT.withExpected(Hashes.of(HashKind.MD5, md5(large)));
            assertThat(store.put("large", new ByteArrayInputStream(large), large.length, right)
                            .size())
                    .isEqualTo(large.length);
        }
    }

    @Test
    void keepsContentHeadersAndUserMetadata() {
        try (AzureBackend store = azurite.newStore("meta", Map.of("singlePutLimitMiB", "1", "blockSizeMiB", "1"))) {
            byte[] large = new byte[(int) (MiB + 1)];
            store.put("small", new ByteArrayInputStream(new byte[3]), 3, PutOptions.DEFAULT.withMetadata(METADATA));
            store.put(
                    "large", new ByteArrayInputStream(large), large.length, PutOptions.DEFAULT.withMetadata(METADATA));

            assertThat(store.stat("small").orElseThrow().metadata()).isEqualTo(METADATA);
            assertThat(store.stat("large").orElseThrow().metadata()).isEqualTo(METADATA);
            try (var content = store.open("small")) {
                assertThat(content.info().metadata()).isEqualTo(METADATA);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void leavesOutRenamesOrRefusesMetadataNamesAzureCannotHold() {
        ObjectMetadata s3Style =
                new ObjectMetadata("text/plain", null, null, null, null, Map.of("original-name", "a b", "ok", "1"));
        PutOptions options = PutOptions.DEFAULT.withMetadata(s3Style);
        try (AzureBackend exclude = azurite.newStore("exclude", Map.of());
                AzureBackend rename = azurite.newStore("rename", Map.of("invalidMetadata", "rename"));
                AzureBackend fail = azurite.newStore("fail", Map.of("invalidMetadata", "fail"))) {
            exclude.put("x", new ByteArrayInputStream(new byte[1]), 1, options);
            rename.put("x", new ByteArrayInputStream(new byte[1]), 1, options);

            assertThat(exclude.stat("x").orElseThrow().metadata().user()).isEqualTo(Map.of("ok", "1"));
            assertThat(rename.stat("x").orElseThrow().metadata().user())
                    .isEqualTo(Map.of(
                            "ok", "1", "rename_original_name", "a b", "rename_key_original_name", "original-name"));
            assertThatThrownBy(() -> fail.put("x", new ByteArrayInputStream(new byte[1]), 1, options))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("original-name")
                    .hasMessageContaining("invalidMetadata");
            assertThat(fail.stat("x")).isEmpty();
        }
    }

    @Test
    void copiesWithinTheAccountServerSideKeepingMetadata() {
        try (AzureBackend source = azurite.newStore("source", Map.of());
                AzureBackend destination = azurite.newStore("destination", Map.of())) {
            byte[] data = TestData.randomStream(5, 300_000).readAllBytes();
            ObjectInfo put = source.put(
                    "k/x", new ByteArrayInputStream(data), data.length, PutOptions.DEFAULT.withMetadata(METADATA));
            assertThat(destination.features().canCopyFrom(source.features())).isTrue();

            ObjectInfo listed = source.list("k/", null).toList().getFirst();
            ObjectInfo copied = destination.copyFrom(source, listed);

            assertThat(copied.size()).isEqualTo(data.length);
            assertThat(copied.hashes()).isEqualTo(put.hashes());
            assertThat(destination.stat("k/x").orElseThrow().metadata()).isEqualTo(METADATA);
            assertThat(read(destination, "k/x")).isEqualTo(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sameAccountCopyFailsWhenTheSourceChangedSinceTheListing() {
        try (AzureBackend source = azurite.newStore("source", Map.of());
                AzureBackend destination = azurite.newStore("destination", Map.of())) {
            source.put("x", new ByteArrayInputStream(new byte[3]), 3, PutOptions.DEFAULT);
            ObjectInfo listed = source.list("", null).toList().getFirst();
            source.put("x", new ByteArrayInputStream(new byte[4]), 4, PutOptions.DEFAULT);

            assertThatThrownBy(() -> destination.copyFrom(source, listed)).isInstanceOf(IntegrityException.class);
            assertThat(destination.stat("x")).isEmpty();
        }
    }

    @Test
    void copiesFromAStoreThatPresignsByUrlInOneOrSeveralBlocks() {
        try (AzureBackend origin = azurite.newStore("origin", Map.of());
                AzureBackend destination = azurite.newStore("destination", Map.of("copyBlockSizeMiB", "1"))) {
            PresigningSource source = new PresigningSource(origin);
            byte[] small = TestData.randomStream(8, 1000).readAllBytes();
            byte[] large = TestData.randomStream(9, 2 * MiB + 3).readAllBytes();
            origin.put(
                    "small", new ByteArrayInputStream(small), small.length, PutOptions.DEFAULT.withMetadata(METADATA));
            origin.put(
                    "large", new ByteArrayInputStream(large), large.length, PutOptions.DEFAULT.withMetadata(METADATA));
            assertThat(source.features().copyDomain()).isNull();
            assertThat(destination.features().canCopyFrom(source.features())).isTrue();

            for (ObjectInfo listed : source.list("", null).toList()) {
                destination.copyFrom(source, listed);
            }

            assertThat(source.presigned.get()).isEqualTo(2);
            assertThat(source.opened.get())
                    .as("no bytes read through this process")
                    .isZero();
            assertThat(read(destination, "small")).isEqualTo(small);
            assertThat(read(destination, "large")).isEqualTo(large);
            assertThat(destination.stat("small").orElseThrow().hashes().get(HashKind.MD5))
                    .as("one block checked against the source's MD5 keeps it")
                    .contains(md5(small));
            assertThat(destination.stat("large").orElseThrow().metadata()).isEqualTo(METADATA);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void urlCopyRefusesASourceWhoseBytesDoNotHaveItsDeclaredMd5() {
        try (AzureBackend origin = azurite.newStore("origin", Map.of());
                AzureBackend destination = azurite.newStore("destination", Map.of())) {
            PresigningSource source = new PresigningSource(origin);
            origin.put("x", new ByteArrayInputStream(new byte[10]), 10, PutOptions.DEFAULT);
            ObjectInfo listed = source.list("", null).toList().getFirst();
            ObjectInfo lying = listed.withHashes(Hashes.of(HashKind.MD5, md5("not these bytes".getBytes(UTF_8))));
            source.declare = lying.hashes();

            assertThatThrownBy(() -> destination.copyFrom(source, lying)).isInstanceOf(IntegrityException.class);
            assertThat(destination.stat("x")).isEmpty();
        }
    }

    @Test
    void leavesAnObjectWhoseSourceGivesNoUrlToTheCallerToStream() {
        try (AzureBackend origin = azurite.newStore("origin", Map.of());
                AzureBackend destination = azurite.newStore("destination", Map.of())) {
            PresigningSource source = new PresigningSource(origin);
            source.refuse = true;
            origin.put(
                    "x", new ByteArrayInputStream("abc".getBytes(UTF_8)), 3, PutOptions.DEFAULT.withMetadata(METADATA));
            ObjectInfo listed = source.list("", null).toList().getFirst();

            // the engine streams it and books it as streamed (ObjectTransfer), never as a server-side copy
            assertThatThrownBy(() -> destination.copyFrom(source, listed))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("'x'");

            assertThat(source.opened.get())
                    .as("nothing streamed inside copyFrom")
                    .isZero();
            assertThat(destination.stat("x")).isEmpty();
        }
    }

    @Test
    void leavesASourceWhoseUrlsTheServiceCannotReachToTheCallerAfterAskingOnce() throws IOException {
        byte[] data = "served elsewhere".getBytes(UTF_8);
        com.sun.net.httpserver.HttpServer web = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger served = new AtomicInteger();
        web.createContext("/", exchange -> {
            served.incrementAndGet();
            exchange.sendResponseHeaders(200, data.length);
            exchange.getResponseBody().write(data);
            exchange.close();
        });
        web.start();
        try (AzureBackend origin = azurite.newStore("origin", Map.of());
                AzureBackend destination = azurite.newStore("destination", Map.of())) {
            origin.put("a", new ByteArrayInputStream(data), data.length, PutOptions.DEFAULT);
            origin.put("b", new ByteArrayInputStream(data), data.length, PutOptions.DEFAULT);
            PresigningSource source = new PresigningSource(origin) {
                @Override
                public Optional<URI> presignRead(String key, Duration validFor) {
                    presigned.incrementAndGet();
                    return Optional.of(
                            URI.create("http://127.0.0.1:" + web.getAddress().getPort() + "/" + key));
                }
            };

            for (ObjectInfo listed : source.list("", null).toList()) {
                assertThatThrownBy(() -> destination.copyFrom(source, listed))
                        .isInstanceOf(UnsupportedOperationException.class);
            }

            assertThat(source.presigned.get())
                    .as("asked once, then left to the caller")
                    .isEqualTo(1);
            assertThat(source.opened.get()).isZero();
            assertThat(destination.stat("a")).isEmpty();
            assertThat(destination.stat("b")).isEmpty();
        } finally {
            web.stop(0);
        }
    }

    @Test
    void presignsReadsOnlyWithTheAccountKey() throws IOException {
        try (AzureBackend store = azurite.newStore("presign", Map.of())) {
            store.put("a b%.txt", new ByteArrayInputStream("signed".getBytes(UTF_8)), 6, PutOptions.DEFAULT);
            URI url = store.presignRead("a b%.txt", Duration.ofMinutes(5)).orElseThrow();
            try (InputStream in = url.toURL().openStream()) {
                assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("signed");
            }
            assertThat(store.features().presignsReads()).isTrue();
        }
        String sas = azurite.admin()
                .generateAccountSas(new com.azure.storage.common.sas.AccountSasSignatureValues(
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusHours(1),
                        com.azure.storage.common.sas.AccountSasPermission.parse("rwdlac"),
                        com.azure.storage.common.sas.AccountSasService.parse("b"),
                        com.azure.storage.common.sas.AccountSasResourceType.parse("sco")));
        String container = azurite.newContainer();
        var settings = azurite.settings("sas", container, Map.of("sasToken", sas));
        var metadata = new java.util.HashMap<>(settings.metadata());
        metadata.remove("accountKey");
        try (Backend store = new AzureStoreProvider()
                .create(new com.atlan.storage.store.StoreSettings("sas", settings.type(), metadata, null, 4))) {
            store.put("x", new ByteArrayInputStream(new byte[2]), 2, PutOptions.DEFAULT);
            assertThat(store.stat("x")).isPresent();
            assertThat(store.features().presignsReads()).isFalse();
            assertThat(store.presignRead("x", Duration.ofMinutes(1))).isEmpty();
        }
    }

    @Test
    void aMissingContainerIsAStoreWideConfigurationErrorUnlessAskedToCreateIt() {
        try (Backend missing =
                new AzureStoreProvider().create(azurite.settings("missing", "no-such-container", Map.of()))) {
            assertThatThrownBy(() -> missing.list("", null).toList())
                    .isInstanceOf(StorageConfigException.class)
                    .hasMessageContaining("no-such-container")
                    .hasMessageContaining("createContainer")
                    .satisfies(e ->
                            assertThat(((StorageException) e).isStoreWide()).isTrue());
            assertThatThrownBy(() -> missing.stat("x")).isInstanceOf(StorageConfigException.class);
            assertThatThrownBy(() -> missing.put("x", new ByteArrayInputStream(new byte[1]), 1, PutOptions.DEFAULT))
                    .isInstanceOf(StorageConfigException.class);
        }
        String created = "created-" + System.nanoTime();
        try (Backend store = new AzureStoreProvider()
                .create(azurite.settings("create", created, Map.of("createContainer", "true")))) {
            assertThat(store.list("", null).toList())
                    .as("a migration lists its destination first")
                    .isEmpty();
            store.put("x", new ByteArrayInputStream(new byte[1]), 1, PutOptions.DEFAULT);
            assertThat(azurite.container(created).exists()).isTrue();
        }
    }

    @Test
    void aWrongAccountKeyIsAStoreWidePermissionErrorThatNamesNoSecret() {
        String wrong = java.util.Base64.getEncoder().encodeToString(new byte[64]);
        try (Backend store = new AzureStoreProvider()
                .create(azurite.settings("wrong-key", azurite.newContainer(), Map.of("accountKey", wrong)))) {
            assertThatThrownBy(() -> store.list("", null).toList())
                    .isInstanceOf(StoragePermissionException.class)
                    .hasMessageContaining("accountKey of component 'wrong-key'")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong))
                    .satisfies(e ->
                            assertThat(((StorageException) e).isStoreWide()).isTrue());
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
        try (Backend store = new AzureStoreProvider()
                .create(azurite.settings(
                        "web",
                        "container",
                        Map.of(
                                "endpoint",
                                "http://127.0.0.1:" + web.getAddress().getPort())))) {
            assertThatThrownBy(() -> store.list("", null).toList()).isInstanceOf(StorageException.class);
            assertThatThrownBy(() -> store.stat("x")).isInstanceOf(StorageException.class);
            assertThatThrownBy(() -> store.put("x", new ByteArrayInputStream(new byte[3]), 3, PutOptions.DEFAULT))
                    .isInstanceOf(StorageException.class);
        } finally {
            web.stop(0);
        }
    }

    private static java.util.Map<String, String> keysWithMd5(Backend store) {
        java.util.Map<String, String> result = new java.util.HashMap<>();
        store.list("", null)
                .forEach(o -> result.put(o.key(), o.hashes().get(HashKind.MD5).orElse("none")));
        return result;
    }

    private static byte[] read(Backend store, String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }

    private static String md5(byte[] data) {
        return HexFormat.of().formatHex(Md5.of(data, data.length));
    }

    /**
     * Another store that presigns reads but shares no copy domain (as S3 would be), over an Azure container on the
     * same Azurite, which can only read copy sources on itself. Counts presigned URLs and reads through here.
     */
    private static class PresigningSource extends ForwardingBackend {
        private final AzureBackend origin;
        final AtomicInteger presigned = new AtomicInteger();
        final AtomicInteger opened = new AtomicInteger();
        volatile boolean refuse;
        volatile Hashes declare;

        PresigningSource(AzureBackend origin) {
            super(origin);
            this.origin = origin;
        }

        @Override
        public Features features() {
            Features f = super.features();
            return new Features(
                    f.hashes(), f.verifiedOnWrite(), false, f.metadata(), f.listingOrder(), null, true, false);
        }

        @Override
        public Optional<URI> presignRead(String key, Duration validFor) {
            if (refuse) {
                return Optional.empty();
            }
            presigned.incrementAndGet();
            return origin.presignRead(key, validFor);
        }

        @Override
        public Optional<ObjectInfo> stat(String key) {
            return super.stat(key)
                    .map(o -> declare == null
                            ? o
                            : new ObjectInfo(o.key(), o.size(), o.lastModified(), o.etag(), declare, o.metadata()));
        }

        @Override
        public com.atlan.storage.store.ObjectContent open(String key) {
            opened.incrementAndGet();
            return super.open(key);
        }
    }
}
