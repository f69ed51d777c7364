package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.SeededInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Presigned reads against S3Proxy: a plain HTTP client with no credentials reads the object's exact bytes through the
 * URL (as Azure's Put Block From URL does), on either request path, and the URL is bound to its object.
 */
class S3PresignTest {

    private static final String KEY = "presigned/a b+c%~é/data.bin";
    private final S3ProxyServer server = S3ProxyServer.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "fastPath={0}")
    @ValueSource(strings = {"true", "false"})
    void presignedUrlReadsTheObjectWithoutCredentials(String fastPath) throws Exception {
        try (S3Backend store = server.newStore("presign", Map.of("fastPath", fastPath))) {
            long size = 300_000;
            store.put(KEY, new SeededInputStream(7, size), size, PutOptions.DEFAULT);
            assertThat(store.features().presignsReads()).isTrue();

            URI url = store.presignRead(KEY, Duration.ofMinutes(5)).orElseThrow();
            HttpResponse<byte[]> whole =
                    http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(new SeededInputStream(7, size).readAllBytes());

            // Put Block From URL reads ranges of the URL
            HttpResponse<byte[]> range = http.send(
                    HttpRequest.newBuilder(url)
                            .header("Range", "bytes=1000-1999")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(range.statusCode()).isEqualTo(206);
            byte[] expected = new byte[1000];
            try (InputStream in = new SeededInputStream(7, size)) {
                in.skipNBytes(1000);
                in.readNBytes(expected, 0, 1000);
            }
            assertThat(range.body()).isEqualTo(expected);
            assertThat(url.toString()).as("no secret in the URL").doesNotContain(S3ProxyServer.SECRET_KEY);
        }
    }

    @ParameterizedTest(name = "fastPath={0}")
    @ValueSource(strings = {"true", "false"})
    void aUrlSignedForOneKeyReadsNoOther(String fastPath) throws Exception {
        try (S3Backend store = server.newStore("presign", Map.of("fastPath", fastPath))) {
            store.put("one", new SeededInputStream(1, 10), 10, PutOptions.DEFAULT);
            store.put("two", new SeededInputStream(2, 10), 10, PutOptions.DEFAULT);
            URI url = store.presignRead("one", Duration.ofMinutes(5)).orElseThrow();
            URI other = URI.create(url.toString().replace("/one?", "/two?"));

            HttpResponse<byte[]> response =
                    http.send(HttpRequest.newBuilder(other).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PT168H1S", "PT0S", "PT-1S"})
    void validityBeyondSevenDaysOrNotPositiveIsAClearError(String validFor) {
        try (S3Backend store = server.newStore("presign", Map.of())) {
            assertThatThrownBy(() -> store.presignRead("k", Duration.parse(validFor)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at most 7 days")
                    .hasMessageContaining("'k' in presign");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PT168H"})
    void sevenDaysIsAllowed(String validFor) {
        try (S3Backend store = server.newStore("presign", Map.of())) {
            assertThat(store.presignRead("k", Duration.parse(validFor))).isPresent();
        }
    }
}
