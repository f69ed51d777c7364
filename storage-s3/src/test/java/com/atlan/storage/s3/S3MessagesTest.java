package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.StoreSettings;
import com.atlan.storage.store.TransientStorageException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user reads when the endpoint is wrong: the endpoint and the setting to check are named, and no Java class
 * names leak into the message.
 */
class S3MessagesTest {

    private static S3Backend store(String endpoint, String fastPath) {
        return (S3Backend) new S3StoreProvider()
                .create(new StoreSettings(
                        "upstream",
                        "bindings.aws.s3",
                        Map.of(
                                "bucket", "b",
                                "endpoint", endpoint,
                                "accessKey", "a",
                                "secretKey", "s",
                                "fastPath", fastPath),
                        null,
                        2));
    }

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void aRefusedConnectionNamesTheEndpointAndTheSettingToCheck(String fastPath) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String endpoint = "http://127.0.0.1:" + port;
        try (S3Backend store = store(endpoint, fastPath)) {
            assertThatThrownBy(() -> store.stat("k"))
                    .isInstanceOf(TransientStorageException.class)
                    .hasMessageContaining("cannot connect to " + endpoint)
                    .hasMessageContaining("metadata 'endpoint' of component 'upstream'")
                    .satisfies(e ->
                            assertThat(e.getMessage()).doesNotContain("java.").doesNotContain("Exception"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"BadDigest", "IncompleteBody", "XAmzContentSHA256Mismatch", "InvalidPart", "EntityTooSmall"})
    void bytesCorruptedOnTheWayAreSentAgainButWrongPartsAreNot(String code) {
        S3Errors errors = new S3Errors(S3StoreConfig.from(
                new StoreSettings(
                        "upstream",
                        "bindings.aws.s3",
                        Map.of("bucket", "b", "endpoint", "http://127.0.0.1:9000"),
                        null,
                        2),
                name -> null));
        StorageException e = errors.map(400, code, "m", Map.of(), "writing", "k", null);

        assertThat(e).isInstanceOf(com.atlan.storage.store.IntegrityException.class);
        assertThat(e.isRetryable())
                .as("corrupted on the way: another attempt reads and sends them again")
                .isEqualTo(!code.equals("InvalidPart") && !code.equals("EntityTooSmall"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"read", "unknown host"})
    void timeoutsAndUnknownHostsNameTheEndpoint(String fault) {
        S3Errors errors = new S3Errors(S3StoreConfig.from(
                new StoreSettings(
                        "upstream",
                        "bindings.aws.s3",
                        Map.of("bucket", "b", "endpoint", "https://blackhole.example:9000"),
                        null,
                        2),
                name -> null));
        Exception cause = fault.equals("read")
                ? new SocketTimeoutException("Read timed out")
                : new UnknownHostException("blackhole.example");
        StorageException e = errors.io(new IOException(cause), "listing", "p/");

        assertThat(e.getMessage()).contains("https://blackhole.example:9000").doesNotContain("java.");
        if (fault.equals("read")) {
            assertThat(e).isInstanceOf(TransientStorageException.class);
            assertThat(e.getMessage()).contains("did not answer in time");
        } else {
            assertThat(e).isInstanceOf(StorageConfigException.class);
            assertThat(e.getMessage()).contains("host of https://blackhole.example:9000 is unknown");
        }
    }
}
