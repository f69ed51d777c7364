package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.s3.ScriptedS3.Reply;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A listing ends only where the server says it does, on both request paths: a page that says more follow but gives no
 * token, a token given twice, a page that is a web page, and a bare 404 are errors naming the store and the endpoint;
 * S3 folder markers are not objects. And whatever bytes come back, a listing fails with a mapped error, never another
 * exception.
 */
class ScriptedListingTest {

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void aTruncatedPageWithoutATokenIsAnError(String fastPath) throws Exception {
        try (ScriptedS3 server = new ScriptedS3(r -> Reply.xml(200, page(List.of("a", "b"), true, null)));
                S3Backend store = server.store(fastPath, Map.of())) {
            assertThatThrownBy(() -> keys(store))
                    .isInstanceOf(StorageConfigException.class)
                    .hasMessageContaining("scripted")
                    .hasMessageContaining(server.endpoint())
                    .hasMessageContaining("no continuation token");
        }
    }

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void aRepeatedContinuationTokenIsAnError(String fastPath) throws Exception {
        try (ScriptedS3 server = new ScriptedS3(r -> Reply.xml(
                        200,
                        r.query().contains("continuation-token")
                                ? page(List.of("c"), true, "t1")
                                : page(List.of("a", "b"), true, "t1")));
                S3Backend store = server.store(fastPath, Map.of())) {
            assertThatThrownBy(() -> keys(store))
                    .isInstanceOf(StorageConfigException.class)
                    .hasMessageContaining(server.endpoint())
                    .hasMessageContaining("same continuation token twice");
        }
    }

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void aWebPageInsteadOfAListingIsAnErrorNotAnEmptyBucket(String fastPath) throws Exception {
        try (ScriptedS3 server = new ScriptedS3(r -> Reply.ok(
                        Map.of("Content-Type", "text/html"),
                        "<html><head><title>Sign in</title></head><body><form>login</form></body></html>"));
                S3Backend store = server.store(fastPath, Map.of())) {
            assertThatThrownBy(() -> keys(store))
                    .isInstanceOf(StorageConfigException.class)
                    .hasMessageContaining(server.endpoint())
                    .hasMessageContaining("does not look like an S3 server");
        }
    }

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void aBare404ToAListingIsNotAMissingObject(String fastPath) throws Exception {
        try (ScriptedS3 server =
                        new ScriptedS3(r -> Reply.of(404, Map.of("Content-Type", "text/html"), "<h1>Not Found</h1>"));
                S3Backend store = server.store(fastPath, Map.of())) {
            assertThatThrownBy(() -> keys(store, "p/"))
                    .isInstanceOf(StorageConfigException.class)
                    .hasMessageContaining("does not look like an S3 server")
                    .hasMessageNotContaining("no object");
        }
    }

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void folderMarkersAreNotListedAsObjects(String fastPath) throws Exception {
        String listing = "<ListBucketResult><Name>b</Name><IsTruncated>false</IsTruncated>"
                + content("dir/", 0) + content("dir/a.txt", 3) + content("empty-but-real", 0) + content("odd/", 5)
                + "</ListBucketResult>";
        try (ScriptedS3 server = new ScriptedS3(r -> Reply.xml(200, listing));
                S3Backend store = server.store(fastPath, Map.of())) {
            // a zero-byte "dir/" is a console-made folder, not data; "odd/" holds bytes and is left to fail loudly
            assertThat(keys(store)).containsExactly("dir/a.txt", "empty-but-real", "odd/");
        }
    }

    @Test
    void anyGarbledListingFailsWithAMappedErrorNeverAnotherException() throws Exception {
        String valid = page(List.of("a", "b/c", "d e"), false, null);
        byte[] seedBytes = valid.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Random random = new Random(42);
        byte[][] current = {seedBytes};
        try (ScriptedS3 server = new ScriptedS3(r -> new Reply(current[0], true, false));
                S3Backend store = server.store("true", Map.of())) {
            int failures = 0;
            for (int i = 0; i < 400; i++) {
                // the body alone, or the whole answer, status line and head included
                current[0] = i % 2 == 0 ? httpOf(mutate(seedBytes, random)) : mutate(httpOf(seedBytes), random);
                try {
                    keys(store);
                } catch (StorageException e) {
                    failures++; // every failure is a storage error with a message
                    assertThat(e.getMessage()).isNotBlank();
                }
            }
            assertThat(failures).as("most mutations break the listing").isGreaterThan(200);
        }
    }

    /** {@code body} wrapped in a 200 answer whose head is itself sometimes mutated. */
    private static byte[] httpOf(byte[] body) {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** Flips, deletes, duplicates or truncates a few bytes. */
    private static byte[] mutate(byte[] input, Random random) {
        byte[] out = input.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(4)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> out = java.util.Arrays.copyOf(out, at); // truncated
                case 2 -> out[at] = (byte) "<>&\"-0123456789".charAt(random.nextInt(15));
                default -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = '<';
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
            }
            if (out.length == 0) break;
        }
        return out;
    }

    private static List<String> keys(S3Backend store) {
        return keys(store, "");
    }

    private static List<String> keys(S3Backend store, String prefix) {
        try (var listing = store.list(prefix, null)) {
            return listing.map(ObjectInfo::key).toList();
        }
    }

    private static String page(List<String> keys, boolean truncated, String token) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult>"
                + "<Name>b</Name><IsTruncated>" + truncated + "</IsTruncated>");
        if (token != null) xml.append("<NextContinuationToken>").append(token).append("</NextContinuationToken>");
        keys.forEach(k -> xml.append(content(k, 1)));
        return xml.append("</ListBucketResult>").toString();
    }

    private static String content(String key, long size) {
        return "<Contents><Key>" + key + "</Key><LastModified>2026-12-01T00:00:00.000Z</LastModified>"
                + "<ETag>&quot;d41d8cd98f00b204e9800998ecf8427e&quot;</ETag><Size>" + size + "</Size></Contents>";
    }
}
