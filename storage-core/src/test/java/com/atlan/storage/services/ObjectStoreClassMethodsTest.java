package com.atlan.storage.services;

import static com.atlan.storage.services.SdkStores.DEPLOYMENT;
import static com.atlan.storage.services.SdkStores.UPSTREAM;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.InvalidKeyException;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK's own ObjectStore tests (application-sdk v2.8.7, {@code tests/unit/services/test_objectstore.py}), ported
 * to the class methods over local-folder stores: each test is named after the SDK's and asserts its behaviour, or
 * the deliberate difference docs/porting.md gives (zero-byte objects, suppressError, deletePrefix failures). The
 * Dapr binding cases (response shapes, gRPC message limits) have no counterpart: no Dapr binding is in the path.
 */
class ObjectStoreClassMethodsTest {

    @RegisterExtension
    final SdkStores stores = new SdkStores();

    private String stored(String key) throws IOException {
        return Files.readString(stores.root(DEPLOYMENT).resolve(key));
    }

    @Test
    void uploadFileSuccessRemovesTheStagedFile() throws IOException {
        Path staged = stores.staged("test.txt", "test content");

        UploadResult result = ObjectStore.uploadFile(staged, "/prefix/test.txt", DEPLOYMENT);

        assertThat(result.key()).isEqualTo("prefix/test.txt");
        assertThat(stored("prefix/test.txt")).isEqualTo("test content");
        assertThat(staged).doesNotExist();
    }

    @Test
    void uploadFileNormalizesTemporaryDestinationPath() throws IOException {
        Path source = stores.staged("out/test.txt", "content");
        String destination = stores.stagingPath("artifacts/apps/my-app/workflows/wf-123/run-456/test.txt");

        UploadResult result = ObjectStore.uploadFile(source, destination, DEPLOYMENT);

        assertThat(result.key()).isEqualTo("artifacts/apps/my-app/workflows/wf-123/run-456/test.txt");
        assertThat(stored(result.key())).isEqualTo("content");
    }

    @Test
    void uploadFileKeepsRelativeDestinationPath() {
        Path source = stores.staged("test.txt", "content");
        assertThat(ObjectStore.uploadFile(source, "datasets/sales/2024/test.txt", DEPLOYMENT, true)
                        .key())
                .isEqualTo("datasets/sales/2024/test.txt");
        assertThat(source).exists();
    }

    @Test
    void uploadFileNeverRemovesAFileOutsideTheTemporaryFolder() {
        Path mine = SdkStores.write(stores.dir.resolve("reports/mine.txt"), "precious");
        ObjectStore.uploadFile(mine, "keep/mine.txt", DEPLOYMENT, false);
        assertThat(mine).hasContent("precious");
    }

    @Test
    void uploadFileFromBytesSuccessReturnsTheSha256() throws IOException {
        byte[] content = "test file content from bytes".getBytes(UTF_8);

        UploadResult result = ObjectStore.uploadFileFromBytes(content, "test-file-uuid.csv", DEPLOYMENT);

        assertThat(stored("test-file-uuid.csv")).isEqualTo("test file content from bytes");
        assertThat(result.size()).isEqualTo(content.length);
        assertThat(result.sha256()).isEqualTo(TestData.sha256(new ByteArrayInputStream(content)));
    }

    @Test
    void uploadFileFromBytesDefaultsToTheUpstreamStore() throws Exception {
        ObjectStore.uploadFileFromBytesAsync("x".getBytes(UTF_8), "reports/r.txt")
                .get();
        assertThat(stores.root(UPSTREAM).resolve("reports/r.txt")).hasContent("x");
        assertThat(stores.root(DEPLOYMENT).resolve("reports/r.txt")).doesNotExist();
    }

    @Test
    void uploadFileFromBytesFailure() {
        stores.faulty(DEPLOYMENT, Map.of("failWritesOf", "test-file"));
        assertThatThrownBy(() -> ObjectStore.uploadFileFromBytes("x".getBytes(UTF_8), "test-file.txt", DEPLOYMENT))
                .hasMessageContaining("injected fault: write of 'test-file.txt'");
    }

    @Test
    void uploadDirectorySuccessUploadsEveryFileAndRemovesTheStagedOnes() throws IOException {
        Path input = stores.temporaryRoot.resolve("input");
        stores.staged("input/file1.txt", "1");
        stores.staged("input/file2.txt", "2");

        assertThat(ObjectStore.uploadPrefix(input, "/prefix", DEPLOYMENT))
                .containsExactly("prefix/file1.txt", "prefix/file2.txt");

        assertThat(stored("prefix/file2.txt")).isEqualTo("2");
        assertThat(input.resolve("file1.txt")).doesNotExist();
        assertThat(input.resolve("file2.txt")).doesNotExist();
    }

    @Test
    void uploadPrefixWithoutRecursionSkipsSubfoldersAndCanKeepTheFiles() {
        Path input = stores.temporaryRoot.resolve("input");
        stores.staged("input/top.txt", "top");
        stores.staged("input/sub/leaf.txt", "leaf");

        assertThat(ObjectStore.uploadPrefix(input, "flat", DEPLOYMENT, false, true))
                .containsExactly("flat/top.txt");
        assertThat(input.resolve("top.txt")).exists();
        assertThat(ObjectStore.uploadPrefix(input, "deep", DEPLOYMENT, true))
                .containsExactly("deep/sub/leaf.txt", "deep/top.txt");
        assertThat(input.resolve("top.txt")).doesNotExist();
    }

    @Test
    void uploadPrefixRefusesAPathThatIsNotAFolder() {
        Path file = stores.staged("file.txt", "x");
        assertThatThrownBy(() -> ObjectStore.uploadPrefix(file, "p", DEPLOYMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a folder");
    }

    @Test
    void downloadFileSuccess() {
        stores.seed(DEPLOYMENT, "prefix/test.txt", "abc");
        Path target = stores.dir.resolve("tmp/test.txt");

        ObjectStore.downloadFile("/prefix/test.txt", target, DEPLOYMENT);

        assertThat(target).hasContent("abc");
    }

    @Test
    void downloadFileNormalizesTemporarySource() {
        stores.seed(DEPLOYMENT, "artifacts/apps/my-app/workflows/wf-123/run-456/test.txt", "abc");
        Path target = stores.dir.resolve("out/test.txt");

        ObjectStore.downloadFile(
                stores.stagingPath("artifacts/apps/my-app/workflows/wf-123/run-456/test.txt"), target, DEPLOYMENT);

        assertThat(target).hasContent("abc");
    }

    @Test
    void deleteFileSuccess() {
        stores.seed(DEPLOYMENT, "test/file.txt", "x");
        assertThat(ObjectStore.deleteFile("test/file.txt", DEPLOYMENT)).isTrue();
        assertThat(ObjectStore.exists("test/file.txt", DEPLOYMENT)).isFalse();
    }

    @Test
    void deleteFileFailure() {
        stores.faulty(DEPLOYMENT, Map.of("failDeletesOf", "file"));
        stores.seed(DEPLOYMENT, "test/file.txt", "x");
        assertThatThrownBy(() -> ObjectStore.deleteFile("test/file.txt", DEPLOYMENT))
                .hasMessageContaining("injected fault: delete of 'test/file.txt'");
    }

    @Test
    void deletePrefixSuccessDeletesEveryFileUnderThePrefixAndNoSibling() {
        stores.seed(DEPLOYMENT, "prefix/file1.txt", "1");
        stores.seed(DEPLOYMENT, "prefix/file2.txt", "2");
        stores.seed(DEPLOYMENT, "prefix/subdir/file3.txt", "3");
        stores.seed(DEPLOYMENT, "prefix_sibling/file.txt", "s");

        assertThat(ObjectStore.deletePrefix("prefix/", DEPLOYMENT)).isEqualTo(3);

        assertThat(ObjectStore.listFiles("", DEPLOYMENT)).containsExactly("prefix_sibling/file.txt");
    }

    @Test
    void deletePrefixEmptyDeletesNothing() {
        assertThat(ObjectStore.deletePrefix("empty/prefix/", DEPLOYMENT)).isZero();
    }

    @Test
    void deletePrefixPartialFailureTriesEveryFileThenReportsTheFailure() {
        stores.faulty(DEPLOYMENT, Map.of("failDeletesOf", "file2"));
        stores.seed(DEPLOYMENT, "prefix/file1.txt", "1");
        stores.seed(DEPLOYMENT, "prefix/file2.txt", "2");
        stores.seed(DEPLOYMENT, "prefix/file3.txt", "3");

        // the SDK warns and reports success; here the failure is thrown once every file was tried
        assertThatThrownBy(() -> ObjectStore.deletePrefix("prefix/", DEPLOYMENT))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("prefix/file2.txt");

        assertThat(ObjectStore.listFiles("prefix", DEPLOYMENT)).containsExactly("prefix/file2.txt");
    }

    @Test
    void deletePrefixListFailureIsReportedAsTheListingFailure() {
        stores.faulty(DEPLOYMENT, Map.of("failListing", "true"));
        // the SDK raises FileNotFoundError("No files found under prefix"); a refused listing is not "no files"
        assertThatThrownBy(() -> ObjectStore.deletePrefix("prefix/", DEPLOYMENT))
                .isInstanceOf(StoragePermissionException.class)
                .hasMessageContaining("listing 'prefix/' refused");
    }

    @Test
    void deletePrefixNormalizesTemporaryPrefix() {
        stores.seed(DEPLOYMENT, "artifacts/apps/my-app/workflows/wf-123/run-456/a.json", "a");
        assertThat(ObjectStore.deletePrefix(
                        stores.stagingPath("artifacts/apps/my-app/workflows/wf-123/run-456/"), DEPLOYMENT))
                .isEqualTo(1);
    }

    @Test
    void deletePrefixRefusesToSelectTheWholeStoreButDeleteAllEmptiesIt() {
        stores.seed(DEPLOYMENT, "a/1.txt", "1");
        stores.seed(DEPLOYMENT, "b/2.txt", "2");

        for (String everything : new String[] {null, "", "/", stores.stagingPath("")}) {
            assertThatThrownBy(() -> ObjectStore.deletePrefix(everything, DEPLOYMENT))
                    .as("deletePrefix(%s)", everything)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("would delete every object in objectstore")
                    .hasMessageContaining("deleteAll()");
        }
        assertThat(ObjectStore.listFiles("", DEPLOYMENT)).hasSize(2);

        assertThat(ObjectStore.deleteAll(DEPLOYMENT)).isEqualTo(2);
        assertThat(ObjectStore.listFiles()).isEmpty();
    }

    @Test
    void getContentSuccess() {
        stores.seed(DEPLOYMENT, "test/file.txt", "test file content");
        assertThat(ObjectStore.getContent("test/file.txt", DEPLOYMENT))
                .asString()
                .isEqualTo("test file content");
    }

    @Test
    void getContentNormalizesTemporaryKey() {
        stores.seed(DEPLOYMENT, "artifacts/apps/my-app/workflows/wf-123/run-456/test.json", "data");
        assertThat(ObjectStore.getContent(
                        stores.stagingPath("artifacts/apps/my-app/workflows/wf-123/run-456/test.json"), DEPLOYMENT))
                .asString()
                .isEqualTo("data");
    }

    @Test
    void getContentFileNotFoundWithSuppressErrorFalseThrows() {
        assertThatThrownBy(() -> ObjectStore.getContent("nonexistent/file.txt", DEPLOYMENT, false))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining("nonexistent/file.txt");
    }

    @Test
    void getContentFileNotFoundWithSuppressErrorTrueReturnsNull() {
        assertThat(ObjectStore.getContent("nonexistent/file.txt", DEPLOYMENT, true))
                .isNull();
    }

    @Test
    void getContentEmptyDataIsAValidObjectWhateverSuppressErrorSays() {
        // the SDK raises "No data received" (or returns None) for b"": a zero-byte object exists and reads as empty
        stores.seed(DEPLOYMENT, "test/_SUCCESS", "");
        assertThat(ObjectStore.getContent("test/_SUCCESS", DEPLOYMENT, false)).isEmpty();
        assertThat(ObjectStore.getContent("test/_SUCCESS", DEPLOYMENT, true))
                .isNotNull()
                .isEmpty();
        assertThat(ObjectStore.exists("test/_SUCCESS", DEPLOYMENT)).isTrue();
    }

    @Test
    void getContentWithSuppressErrorStillThrowsFailuresOtherThanNotFound() {
        // the SDK returns None for every exception, so a refused read looks like a missing file
        stores.faulty(DEPLOYMENT, Map.of("failReadsOf", "locked"));
        stores.seed(DEPLOYMENT, "test/locked.txt", "x");
        assertThatThrownBy(() -> ObjectStore.getContent("test/locked.txt", DEPLOYMENT, true))
                .hasMessageContaining("injected fault: read of 'test/locked.txt'");
    }

    @Test
    void listFilesAppendsTrailingSlashToPrefixSoNoSiblingMatches() {
        stores.seed(DEPLOYMENT, "orders/file1.json", "1");
        stores.seed(DEPLOYMENT, "orders_archive/file2.json", "2");
        stores.seed(DEPLOYMENT, "ordersx", "3");

        assertThat(ObjectStore.listFiles("orders", DEPLOYMENT)).containsExactly("orders/file1.json");
        assertThat(ObjectStore.listFiles("orders/", DEPLOYMENT)).containsExactly("orders/file1.json");
    }

    @Test
    void listFilesNormalizesTemporaryPrefix() {
        stores.seed(DEPLOYMENT, "artifacts/apps/my-app/workflows/wf-123/run-456/file1.json", "1");
        assertThat(ObjectStore.listFiles(
                        stores.stagingPath("artifacts/apps/my-app/workflows/wf-123/run-456/"), DEPLOYMENT))
                .containsExactly("artifacts/apps/my-app/workflows/wf-123/run-456/file1.json");
    }

    @Test
    void listFilesTemporaryRootListsTheStoreRoot() {
        stores.seed(DEPLOYMENT, "artifacts/orders/file1.json", "1");
        stores.seed(DEPLOYMENT, "other.txt", "2");
        assertThat(ObjectStore.listFiles(stores.stagingPath(""), DEPLOYMENT))
                .containsExactly("artifacts/orders/file1.json", "other.txt");
    }

    @Test
    void listFilesNormalizesWindowsPrefix() {
        stores.seed(DEPLOYMENT, "artifacts/apps/default/file1.json", "1");
        stores.seed(DEPLOYMENT, "artifacts/apps/default/subdir/file2.json", "2");
        assertThat(ObjectStore.listFiles("artifacts\\apps\\default", DEPLOYMENT))
                .containsExactly("artifacts/apps/default/file1.json", "artifacts/apps/default/subdir/file2.json");
    }

    @Test
    void listFilesEmptyResponseIsAnEmptyList() {
        assertThat(ObjectStore.listFiles("test", DEPLOYMENT)).isEmpty();
        assertThat(ObjectStore.listFiles()).isEmpty();
    }

    @Test
    void listFilesBindingFailureRaises() {
        stores.faulty(DEPLOYMENT, Map.of("failListing", "true"));
        assertThatThrownBy(() -> ObjectStore.listFiles("test", DEPLOYMENT))
                .isInstanceOf(StoragePermissionException.class);
    }

    @Test
    void listFilesWithAPrefixNamingOneKeySelectsThatKey() {
        // the SDK lists "report.csv/" and finds nothing
        stores.seed(DEPLOYMENT, "exports/report.csv", "r");
        assertThat(ObjectStore.listFiles("exports/report.csv", DEPLOYMENT)).containsExactly("exports/report.csv");
    }

    @Test
    void downloadPrefixWithoutDestinationWritesIntoTheTemporaryFolder() throws Exception {
        stores.seed(DEPLOYMENT, "artifacts/wf/wf123/raw/models/file.json", "m");

        assertThat(ObjectStore.downloadPrefixAsync("artifacts/wf/wf123/raw/models")
                        .get())
                .containsExactly(stores.temporaryRoot.resolve("file.json"));
        assertThat(stores.temporaryRoot.resolve("file.json")).hasContent("m");
    }

    @Test
    void downloadPrefixNormalizesWindowsPathAndKeepsRelativePaths() {
        String base = "artifacts/apps/default/workflows/wf123/";
        stores.seed(DEPLOYMENT, base + "file1.json", "1");
        stores.seed(DEPLOYMENT, base + "subdir/file2.json", "2");
        stores.seed(DEPLOYMENT, base + "models/model.parquet", "3");
        Path target = stores.dir.resolve("download");

        assertThat(ObjectStore.downloadPrefix("artifacts\\apps\\default\\workflows\\wf123", target, DEPLOYMENT))
                .hasSize(3);

        assertThat(target.resolve("file1.json")).hasContent("1");
        assertThat(target.resolve("subdir/file2.json")).hasContent("2");
        assertThat(target.resolve("models/model.parquet")).hasContent("3");
    }

    @Test
    void downloadPrefixNormalizesTemporarySourceBeforeList() {
        stores.seed(DEPLOYMENT, "artifacts/apps/my-app/workflows/wf-123/run-456/a.json", "a");
        Path target = stores.dir.resolve("downloads");

        ObjectStore.downloadPrefix(
                stores.stagingPath("artifacts/apps/my-app/workflows/wf-123/run-456/"), target, DEPLOYMENT);

        assertThat(target.resolve("a.json")).hasContent("a");
    }
}
