package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.s3.ScriptedS3.Reply;
import com.atlan.storage.s3.ScriptedS3.Request;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.SeededInputStream;
import com.atlan.storage.store.StorageConfigException;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Integrity on servers whose ETags are not plain MD5s, on both request paths: KMS-encrypted objects (the answer says
 * so, or the bucket's default encryption does), a multipart ETag that is the whole object's MD5, an empty ETag from
 * CompleteMultipartUpload, and a completed upload whose ETag proves other bytes (deleted, never left under its key).
 */
class ScriptedIntegrityTest {

    private static final String KMS_ETAG = "0123456789abcdef0123456789abcdef";
    private static final int SIZE = 6 * 1024 * 1024; // two parts of a 5 MiB part size
    private static final Map<String, String> MULTIPART =
            Map.of("multipartThreshold", "1KiB", "multipartPartSize", "5MiB", "streamedPutLimit", "1KiB");

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void aKmsEtagIsNotTakenForAnMd5AndTeachesTheStoreItsBucketEncryption(String fastPath) throws Exception {
        try (ScriptedS3 server = new ScriptedS3(r -> switch (r.method()) {
                    case "PUT" ->
                        Reply.ok(Map.of("ETag", "\"" + KMS_ETAG + "\"", "x-amz-server-side-encryption", "aws:kms"), "");
                    case "GET" -> Reply.xml(200, listing(KMS_ETAG));
                    default -> Reply.xml(400, ScriptedS3.error("Unexpected"));
                });
                S3Backend store = server.store(fastPath, Map.of())) {
            // a listing before anything was learnt: an ETag of MD5's form passes for one (non-AWS server)
            assertThat(first(store).hashes().get(HashKind.MD5)).contains(KMS_ETAG);

            ObjectInfo written = store.put("k", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, PutOptions.DEFAULT);

            assertThat(written.etag()).isEqualTo(KMS_ETAG);
            assertThat(written.hashes().get(HashKind.MD5)).isEmpty();
            assertThat(server.count("DELETE")).as("the write stands").isZero();
            assertThat(first(store).hashes().isEmpty())
                    .as("the bucket encrypts with KMS: listed ETags are no longer MD5s")
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void aMultipartEtagThatIsTheWholeObjectsMd5IsAcceptedWhenItMatches(String fastPath) throws Exception {
        byte[] data = SeededInputStream.bytes(5, SIZE);
        String wholeMd5 = Md5.hex(Md5.of(data, data.length));
        try (ScriptedS3 server = new ScriptedS3(multipartServer(SIZE, wholeMd5, wholeMd5));
                S3Backend store = server.store(fastPath, MULTIPART)) {
            ObjectInfo written = store.put(
                    "big",
                    new ByteArrayInputStream(data),
                    data.length,
                    PutOptions.DEFAULT.withExpected(Hashes.of(HashKind.MD5, wholeMd5)));

            assertThat(written.size()).isEqualTo(SIZE);
            assertThat(server.count("DELETE")).isZero();
        }
    }

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void aMultipartEtagOfMd5FormThatIsNotTheBytesMd5DeletesTheObject(String fastPath) throws Exception {
        byte[] data = SeededInputStream.bytes(5, SIZE);
        String wholeMd5 = Md5.hex(Md5.of(data, data.length));
        String wrong = "f".repeat(32);
        try (ScriptedS3 server = new ScriptedS3(multipartServer(SIZE, wrong, wrong));
                S3Backend store = server.store(fastPath, MULTIPART)) {
            assertThatThrownBy(() -> store.put(
                            "big",
                            new ByteArrayInputStream(data),
                            data.length,
                            PutOptions.DEFAULT.withExpected(Hashes.of(HashKind.MD5, wholeMd5))))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("the bad copy was deleted");
            assertThat(deletes(server)).containsExactly("/b/big");
        }
    }

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void anEmptyCompletionEtagIsReadFromAHead(String fastPath) throws Exception {
        byte[] data = SeededInputStream.bytes(6, SIZE);
        String multipartEtag = Md5.multipartEtag(List.of(
                Md5.of(java.util.Arrays.copyOfRange(data, 0, 5 * 1024 * 1024), 5 * 1024 * 1024),
                Md5.of(java.util.Arrays.copyOfRange(data, 5 * 1024 * 1024, SIZE), SIZE - 5 * 1024 * 1024)));
        try (ScriptedS3 server = new ScriptedS3(multipartServer(SIZE, "", multipartEtag));
                S3Backend store = server.store(fastPath, MULTIPART)) {
            ObjectInfo written = store.put("big", new ByteArrayInputStream(data), data.length, PutOptions.DEFAULT);

            assertThat(written.etag()).isEqualTo(multipartEtag);
            assertThat(server.count("HEAD")).isOne();
            assertThat(server.count("DELETE")).isZero();
        }
    }

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void aCompletedUploadWhoseHeadShowsOtherPartsIsDeleted(String fastPath) throws Exception {
        byte[] data = SeededInputStream.bytes(7, SIZE);
        try (ScriptedS3 server = new ScriptedS3(multipartServer(SIZE, "", "0".repeat(32) + "-2"));
                S3Backend store = server.store(fastPath, MULTIPART)) {
            assertThatThrownBy(() -> store.put("big", new ByteArrayInputStream(data), data.length, PutOptions.DEFAULT))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("multipart ETag")
                    .hasMessageContaining("the bad copy was deleted");
            assertThat(deletes(server)).containsExactly("/b/big");
        }
    }

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void aBadCopyThatCannotBeDeletedIsReportedAsNotAGoodCopy(String fastPath) throws Exception {
        byte[] data = SeededInputStream.bytes(8, SIZE);
        var inner = multipartServer(SIZE, "", "0".repeat(32) + "-2");
        try (ScriptedS3 server = new ScriptedS3(
                        r -> r.method().equals("DELETE") && !r.query().contains("uploadId")
                                ? Reply.xml(403, ScriptedS3.error("AccessDenied"))
                                : inner.apply(r));
                S3Backend store = server.store(fastPath, MULTIPART)) {
            assertThatThrownBy(() -> store.put("big", new ByteArrayInputStream(data), data.length, PutOptions.DEFAULT))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("deleting the bad copy failed too")
                    .hasMessageContaining("is NOT a good copy");
        }
    }

    /**
     * A multipart-capable script: parts answer their MD5, the completion answers {@code completeEtag} (empty: none),
     * and a HEAD answers {@code headEtag} and the size.
     */
    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void anErrorInsideA200CompletionFailsTheWriteAndAbortsTheUpload(String fastPath) throws Exception {
        byte[] data = SeededInputStream.bytes(6, SIZE);
        var parts = multipartServer(SIZE, "", "");
        try (ScriptedS3 server = new ScriptedS3(
                        r -> r.method().equals("POST") && r.query().contains("uploadId")
                                // S3 sends 200 before it knows the outcome, then the error in the body
                                ? Reply.xml(200, ScriptedS3.error("InternalError"))
                                : parts.apply(r));
                S3Backend store = server.store(fastPath, MULTIPART)) {
            assertThatThrownBy(() -> store.put("big", new ByteArrayInputStream(data), data.length, PutOptions.DEFAULT))
                    .hasMessageContaining("InternalError");
            assertThat(server.requests())
                    .as("the upload was aborted")
                    .anyMatch(r -> r.method().equals("DELETE") && r.query().contains("uploadId=u-1"));
            assertThat(server.count("HEAD")).as("nothing was taken for written").isZero();
        }
    }

    @Test
    void aWebPageAnsweringAMultipartStartIsNamedAsNoS3ServerNotRetriedAsAServerError() throws Exception {
        byte[] data = SeededInputStream.bytes(7, SIZE);
        try (ScriptedS3 server = new ScriptedS3(
                        r -> Reply.of(200, Map.of("Content-Type", "text/html"), "<html>Please log in</html>"));
                S3Backend store = server.store("true", MULTIPART)) {
            assertThatThrownBy(() -> store.put("big", new ByteArrayInputStream(data), data.length, PutOptions.DEFAULT))
                    .isInstanceOf(StorageConfigException.class)
                    .hasMessageContaining("not an S3 InitiateMultipartUploadResult (text/html)")
                    .hasMessageContaining("does not look like an S3 server");
            assertThat(server.count("PUT")).as("no part was sent").isZero();
        }
    }

    static java.util.function.Function<Request, Reply> multipartServer(int size, String completeEtag, String headEtag) {
        AtomicReference<String> uploaded = new AtomicReference<>();
        return r -> {
            if (r.method().equals("POST") && r.query().startsWith("uploads")) {
                return Reply.xml(
                        200,
                        "<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>big</Key><UploadId>u-1</UploadId>"
                                + "</InitiateMultipartUploadResult>");
            }
            if (r.method().equals("PUT") && r.query().contains("partNumber")) {
                return Reply.ok(Map.of("ETag", "\"" + Md5.hex(Md5.of(r.body(), r.body().length)) + "\""), "");
            }
            if (r.method().equals("POST") && r.query().contains("uploadId")) {
                uploaded.set("done");
                return Reply.xml(
                        200,
                        "<CompleteMultipartUploadResult><Bucket>b</Bucket><Key>big</Key><ETag>"
                                + (completeEtag.isEmpty() ? "" : "&quot;" + completeEtag + "&quot;")
                                + "</ETag></CompleteMultipartUploadResult>");
            }
            if (r.method().equals("HEAD")) {
                return Reply.of(
                        200,
                        Map.of(
                                "ETag",
                                "\"" + headEtag + "\"",
                                "Content-Length",
                                Integer.toString(size),
                                "Last-Modified",
                                "Tue, 01 Dec 2026 00:00:00 GMT"),
                        "");
            }
            if (r.method().equals("DELETE")) {
                return Reply.of(204, Map.of(), "");
            }
            return Reply.xml(400, ScriptedS3.error("Unexpected"));
        };
    }

    private static List<String> deletes(ScriptedS3 server) {
        return server.requests().stream()
                .filter(r -> r.method().equals("DELETE") && !r.query().contains("uploadId"))
                .map(Request::path)
                .toList();
    }

    private static ObjectInfo first(S3Backend store) {
        try (var listing = store.listFlat("", null)) {
            return listing.findFirst().orElseThrow();
        }
    }

    private static String listing(String etag) {
        return "<ListBucketResult><Name>b</Name><IsTruncated>false</IsTruncated><Contents><Key>k</Key>"
                + "<LastModified>2026-12-01T00:00:00.000Z</LastModified><ETag>&quot;" + etag + "&quot;</ETag>"
                + "<Size>3</Size></Contents></ListBucketResult>";
    }
}
