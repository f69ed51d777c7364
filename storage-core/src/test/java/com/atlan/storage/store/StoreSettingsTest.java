package com.atlan.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings every backend reads the same way: sizes, numbers and endpoints, and the errors that name them. */
class StoreSettingsTest {

    private static StoreSettings settings(String key, String value) {
        return new StoreSettings("uploads", "bindings.test", Map.of(key, value), null, 1);
    }

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({"8MiB,8388608", "256MB,268435456", "1GiB,1073741824", "1048576,1048576", "64 k,65536", "5b,5"})
    void sizesAcceptBinaryUnitsEitherWay(String value, long bytes) {
        assertThat(settings("partSize", value).size("partSize", 1)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"8 parsecs", "-1MiB", "99999999999GiB", "MiB"})
    void badSizesNameTheComponentTheSettingAndTheValue(String value) {
        assertThatThrownBy(() -> settings("partSize", value).size("partSize", 1))
                .isInstanceOf(StorageConfigException.class)
                .hasMessage("component 'uploads' metadata 'partSize' must be a size such as 8MiB or 1048576, not '"
                        + value + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-1", "1.5", "8MiB", "99999999999999999"})
    void mebibytesAreWholeNumbers(String value) {
        assertThatThrownBy(() -> settings("blockSizeMiB", value).mebibytes("blockSizeMiB", 8))
                .isInstanceOf(StorageConfigException.class)
                .hasMessage("component 'uploads' metadata 'blockSizeMiB' must be a whole number of MiB, not '" + value
                        + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-1", "x", "2147483648"})
    void wholeNumbersAreNotNegative(String value) {
        assertThatThrownBy(() -> settings("threads", value).wholeNumber("threads", 8))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("'threads' must be a whole number");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"blockSizeMiB,3,3145728", "other,3,8388608"})
    void mebibytesFallBackWhenUnset(String key, String value, long bytes) {
        assertThat(settings(key, value).mebibytes("blockSizeMiB", 8)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "http://localhost:9000,http://127.0.0.1:9000",
        "HTTP://LocalHost:9000/,http://127.0.0.1:9000",
        "http://127.0.0.2:9000/path,http://127.0.0.1:9000",
        "http://[::1]:9000,http://127.0.0.1:9000",
        "https://S3.example.com,https://s3.example.com:443",
        "http://minio,http://minio:80"
    })
    void everySpellingOfOneServerHasOneOrigin(String url, String origin) {
        assertThat(Endpoints.origin(URI.create(url))).isEqualTo(origin);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ftp://host", "http://", "http://bad host", "://x"})
    void endpointsMustBeHttpUrlsWithAHost(String value) {
        assertThatThrownBy(() -> Endpoints.parse("uploads", value, "https"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessage("component 'uploads' metadata 'endpoint' is not an http(s) URL: '" + value + "'");
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({"minio:9000,http,http://minio:9000", "HTTPS://Host/,http,https://Host/", "host,https,https://host"})
    void endpointsGetADefaultSchemeAndALowerCaseOne(String value, String scheme, String parsed) {
        assertThat(Endpoints.parse("uploads", value, scheme)).hasToString(parsed);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://host/", "https://host"})
    void baseUrlsHaveNoTrailingSlash(String value) {
        assertThat(Endpoints.parseBase("uploads", value, "https")).isEqualTo("https://host");
    }
}
