package com.atlan.storage.services;

import static com.atlan.storage.services.SdkStores.DEPLOYMENT;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StoreKeys;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.MemoryBackend;
import com.atlan.storage.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The v3 {@code application_sdk.storage} calls (list_keys, list_keys_with_meta, get_file_meta, put_json, the
 * upload's SHA-256, retain_local_copy) and their tests ({@code tests/unit/storage/test_ops.py},
 * {@code tests/integration/storage/test_localfs_*.py}), ported to ObjectStore over local-folder stores.
 */
class ObjectStoreV3CallsTest {

    @RegisterExtension
    final SdkStores stores = new SdkStores();

    ObjectStore deployment;

    @BeforeEach
    void open() {
        deployment = ObjectStore.named(DEPLOYMENT);
    }

    @AfterEach
    void close() {
        deployment.close();
    }

    @Test
    void listKeysSuffixFilterIgnoresCase() {
        deployment.uploadFileFromBytes(bytes("p"), "data/table.parquet");
        deployment.uploadFileFromBytes(bytes("j"), "data/table.json");
        deployment.uploadFileFromBytes(bytes("p2"), "data/stats.PARQUET");

        assertThat(ObjectStore.listKeys("data", DEPLOYMENT, ".parquet"))
                .containsExactly("data/stats.PARQUET", "data/table.parquet");
        assertThat(deployment.listKeys("data", ".JSON")).containsExactly("data/table.json");
        assertThat(deployment.listKeys("data", "")).hasSize(3);
    }

    @Test
    void listKeysAddsTrailingSlashToPrefix() {
        deployment.uploadFileFromBytes(bytes("a"), "docs/a.txt");
        deployment.uploadFileFromBytes(bytes("b"), "docs_extra/b.txt");
        assertThat(deployment.listKeys("docs", "")).containsExactly("docs/a.txt");
    }

    @Test
    void listKeysWithMetaGivesSizeAndTimeFromTheListing() throws IOException {
        deployment.uploadFileFromBytes(bytes("hello"), "meta/f.bin");
        deployment.uploadFileFromBytes(new byte[0], "meta/empty");

        List<ObjectInfo> listed = ObjectStore.listKeysWithMeta("meta", DEPLOYMENT, "");

        assertThat(listed)
                .extracting(ObjectInfo::key, ObjectInfo::size)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("meta/empty", 0L),
                        org.assertj.core.groups.Tuple.tuple("meta/f.bin", 5L));
        assertThat(listed.get(1).lastModified())
                .isEqualTo(Files.getLastModifiedTime(stores.root(DEPLOYMENT).resolve("meta/f.bin"))
                        .toInstant());
    }

    @Test
    void getFileMetaReturnsSizeAndNothingForAMissingKey() {
        deployment.uploadFileFromBytes(bytes("hello"), "meta/f.bin");
        assertThat(ObjectStore.getFileMeta("meta/f.bin", DEPLOYMENT))
                .get()
                .extracting(ObjectInfo::size)
                .isEqualTo(5L);
        assertThat(ObjectStore.getFileMeta("no/such.bin", DEPLOYMENT)).isEmpty();
    }

    @Test
    void getFileMetaReportsTheEntityTagAndHashesAStoreGives() {
        MemoryBackend memory = new MemoryBackend("memory");
        try (ObjectStore store = new ObjectStore("memory", StoreKeys.defaults(), () -> memory)) {
            store.uploadFileFromBytes(bytes("hello"), "meta/f.bin");
            ObjectInfo meta = store.getFileMeta("meta/f.bin").orElseThrow();
            assertThat(meta.etag()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
            assertThat(store.listKeysWithMeta("meta", "")).containsExactly(meta.withMetadata(null));
        }
    }

    @Test
    void putJsonSerialisesAMapAndGetJsonReadsItBack() {
        Map<String, Object> payload = Map.of("workflow_id", "wf-1", "count", 42);

        ObjectStore.putJson("configs/wf-1.json", payload, DEPLOYMENT);

        assertThat(ObjectStore.getJson("configs/wf-1.json", DEPLOYMENT, Map.class))
                .get()
                .isEqualTo(payload);
    }

    @Test
    void putJsonNormalisesStagingPathByDefault() {
        deployment.putJson(stores.stagingPath("configs/wf-2.json"), Map.of("x", 1));
        assertThat(deployment.getContent("configs/wf-2.json")).asString(UTF_8).isEqualTo("{\"x\":1}");
    }

    @Test
    void putJsonAcceptsListsAndPrimitives() {
        Object[][] cases = {{List.of(1, 2), "[1,2]"}, {"hello", "\"hello\""}, {99, "99"}, {true, "true"}};
        for (Object[] c : cases) {
            deployment.putJson("json/value.json", c[0]);
            assertThat(deployment.getContent("json/value.json")).asString(UTF_8).isEqualTo(c[1]);
        }
        deployment.putJson("json/record.json", new Run("wf-1", 3));
        assertThat(deployment.getJson("json/record.json", Run.class)).contains(new Run("wf-1", 3));
    }

    record Run(String workflowId, int files) {}

    @Test
    void getJsonOfAMissingKeyIsEmptyAndOfNonJsonContentAnError() {
        assertThat(deployment.getJson("json/missing.json", Map.class)).isEmpty();
        deployment.uploadFileFromBytes(bytes("not json {"), "json/broken.json");
        assertThatThrownBy(() -> deployment.getJson("json/broken.json", Map.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("'json/broken.json' in objectstore is not JSON for Map");
    }

    @Test
    void uploadFileReturnsTheContentsSha256AndRoundTrips() throws IOException {
        Path file = TestData.writeRandomFile(stores.dir.resolve("data.bin"), 7, 300_000);

        UploadResult result = ObjectStore.uploadFile(file, "test/data.bin", DEPLOYMENT);

        assertThat(result.sha256()).isEqualTo(TestData.sha256(file)).hasSize(64);
        assertThat(result.size()).isEqualTo(300_000);
        Path back = stores.dir.resolve("out.bin");
        ObjectStore.downloadFile("test/data.bin", back, DEPLOYMENT);
        assertThat(Files.mismatch(file, back)).isEqualTo(-1);
    }

    @Test
    void uploadFileRetainLocalCopyTrueKeepsAStagedFile() {
        Path staged = stores.staged("keep.bin", "keep me");
        deployment.uploadFile(staged, "keep.bin", true);
        assertThat(staged).exists();
    }

    @Test
    void uploadFileRetainLocalCopyFalseRemovesAStagedFile() {
        Path staged = stores.staged("delete_me.bin", "delete me");
        deployment.uploadFile(staged, "del.bin", false);
        assertThat(staged).doesNotExist();
        assertThat(deployment.exists("del.bin")).isTrue();
    }

    @Test
    void uploadFileRetainLocalCopyFalseKeepsAFileOutsideStaging() {
        Path outside = SdkStores.write(stores.dir.resolve("safe.bin"), "safe");
        deployment.uploadFile(outside, "safe.bin");
        assertThat(outside).exists();
    }

    @Test
    void uploadFileNeverRemovesAFileOutsideStagingReachedThroughALinkInsideIt() throws IOException {
        Path outside = SdkStores.write(stores.dir.resolve("elsewhere/data.bin"), "precious");
        Path link = stores.temporaryRoot.resolve("link.bin");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, outside);

        deployment.uploadFile(link, "linked.bin");

        assertThat(outside).hasContent("precious");
        assertThat(deployment.getContent("linked.bin")).asString(UTF_8).isEqualTo("precious");
    }

    @Test
    void deletePrefixReturnsDeletedCount() {
        for (int i = 0; i < 6; i++) {
            deployment.uploadFileFromBytes(bytes("x" + i), "matrix/wipe/" + (i % 2 == 0 ? "" : "sub/") + i + ".txt");
        }
        deployment.uploadFileFromBytes(bytes("k"), "matrix/keep/keep.txt");

        assertThat(deployment.deletePrefix("matrix/wipe")).isEqualTo(6);

        assertThat(deployment.listKeys("matrix/wipe", "")).isEmpty();
        assertThat(deployment.listKeys("matrix/keep", "")).containsExactly("matrix/keep/keep.txt");
    }

    @Test
    void nonexistentPrefixIsEmptyNotError() {
        assertThat(deployment.listKeys("never-written", "")).isEmpty();
        assertThat(deployment.downloadPrefix("never-written", stores.dir.resolve("dl")))
                .isEmpty();
        assertThat(deployment.deletePrefix("never-written")).isZero();
    }

    @Test
    void emptyPrefixListsEntireStore() {
        deployment.uploadFileFromBytes(bytes("1"), "a/one.txt");
        deployment.uploadFileFromBytes(bytes("2"), "b/two.txt");
        assertThat(deployment.listKeys("", "")).containsExactly("a/one.txt", "b/two.txt");
    }

    @Test
    void missingKeyProbesReturnFalsyNotRaise() {
        assertThat(deployment.exists("missing/nope.txt")).isFalse();
        assertThat(deployment.deleteFile("missing/nope.txt")).isFalse();
        assertThat(deployment.getFileMeta("missing/nope.txt")).isEmpty();
        assertThat(deployment.getContent("missing/nope.txt", true)).isNull();
    }

    @Test
    void downloadMissingKeyRaisesTypedNotFoundAndWritesNothing() {
        Path target = stores.dir.resolve("out/nope.txt");
        assertThatThrownBy(() -> deployment.downloadFile("missing/nope.txt", target))
                .isInstanceOfSatisfying(
                        ObjectNotFoundException.class, e -> assertThat(e.key()).isEqualTo("missing/nope.txt"));
        assertThat(stores.dir.resolve("out")).doesNotExist();
    }

    @Test
    void fullLifecycleIdenticalForBothKeyShapes() {
        String key = "artifacts/apps/app/workflows/wf/run/data.txt";
        for (String shape : new String[] {stores.stagingPath(key), key}) {
            Path source = SdkStores.write(stores.dir.resolve("src.txt"), "lifecycle");
            deployment.uploadFile(source, shape);
            assertThat(deployment.exists(key)).as(shape).isTrue();
            assertThat(deployment.exists(shape)).as(shape).isTrue();
            assertThat(deployment.getFileMeta(shape).orElseThrow().size()).isEqualTo(9);
            assertThat(deployment.listKeys(stores.stagingPath("artifacts/apps/app"), ""))
                    .containsExactly(key);
            Path back = stores.dir.resolve("back.txt");
            deployment.downloadFile(shape, back);
            assertThat(back).hasContent("lifecycle");
            assertThat(deployment.deleteFile(shape)).isTrue();
            assertThat(deployment.exists(key)).isFalse();
        }
    }

    @Test
    void uploadPrefixDownloadPrefixRoundTrip() {
        Path tree = stores.dir.resolve("tree");
        SdkStores.write(tree.resolve("root.txt"), "root");
        SdkStores.write(tree.resolve("nested/leaf.txt"), "leaf");

        assertThat(deployment.uploadPrefix(tree, "matrix/tree"))
                .containsExactly("matrix/tree/nested/leaf.txt", "matrix/tree/root.txt");
        assertThat(tree.resolve("root.txt"))
                .as("outside the temporary folder: kept")
                .exists();

        Path back = stores.dir.resolve("back");
        assertThat(deployment.downloadPrefix("matrix/tree", back))
                .containsExactly(back.resolve("nested/leaf.txt"), back.resolve("root.txt"));
        assertThat(back.resolve("root.txt")).hasContent("root");
        assertThat(back.resolve("nested/leaf.txt")).hasContent("leaf");
    }

    @Test
    void downloadPrefixRefusesAKeyThatWouldEscapeTheFolderBeforeWritingAnything() {
        MemoryBackend memory = new MemoryBackend("memory");
        try (ObjectStore store = new ObjectStore("memory", StoreKeys.defaults(), () -> memory)) {
            store.uploadFileFromBytes(bytes("fine"), "exports/!first.txt");
            memory.put("exports/../../escaped.txt", new ByteArrayInputStream(bytes("x")), 1, PutOptions.DEFAULT);
            Path target = stores.dir.resolve("a/b");

            assertThatThrownBy(() -> store.downloadPrefix("exports", target))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("would be written outside");

            assertThat(stores.dir.resolve("escaped.txt")).doesNotExist();
            assertThat(target).doesNotExist();
        }
    }

    @Test
    void downloadPrefixRefusesTwoKeysThatWouldLandOnOneFile() {
        MemoryBackend memory = new MemoryBackend("memory");
        try (ObjectStore store = new ObjectStore("memory", StoreKeys.defaults(), () -> memory)) {
            store.uploadFileFromBytes(bytes("the key itself"), "report");
            store.uploadFileFromBytes(bytes("a key below it"), "report/report");

            assertThatThrownBy(() -> store.downloadPrefix("report", stores.dir.resolve("out")))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("keys 'report' and 'report/report' would both be written to");
            assertThat(store.downloadPrefix("report/", stores.dir.resolve("out")))
                    .containsExactly(stores.dir.resolve("out/report"));
        }
    }

    @Test
    void getContentOfAnObjectTooLargeForAnArrayIsRefusedWithAHint() {
        Backend memory = new ForwardingBackend(new MemoryBackend("memory")) {
            @Override
            public ObjectContent open(String key) {
                return new ObjectContent(new ByteArrayInputStream(new byte[0]), ObjectInfo.of(key, 3L << 30, null));
            }
        };
        try (ObjectStore store = new ObjectStore("memory", StoreKeys.defaults(), () -> memory)) {
            assertThatThrownBy(() -> store.getContent("huge.bin"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("use downloadFile");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }
}
