package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StoreSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lean path over TLS (UNSIGNED-PAYLOAD, trust-all only with insecureSSL) against an https S3Proxy. */
class LeanS3RequestsTlsTest {

    @TempDir
    static Path dir;

    private static S3Proxy proxy;
    private static URI endpoint;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("keystore.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "s3proxy",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-keystore",
                        keystore.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "password",
                        "-keypass",
                        "password")
                .redirectErrorStream(true)
                .start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor()).isZero();
        Properties props = new Properties();
        props.setProperty("jclouds.identity", S3ProxyServer.ACCESS_KEY);
        props.setProperty("jclouds.credential", S3ProxyServer.SECRET_KEY);
        proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", props))
                .secureEndpoint(URI.create("https://127.0.0.1:0"))
                .keyStore(keystore.toString(), "password")
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        endpoint = URI.create("https://127.0.0.1:" + proxy.getSecurePort());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.stop();
    }

    private static Backend store(String bucket, boolean insecure) {
        return store(bucket, insecure, "auto");
    }

    private static Backend store(String bucket, boolean insecure, String fastPath) {
        Map<String, String> metadata = Map.of(
                "bucket",
                bucket,
                "region",
                "us-east-1",
                "endpoint",
                endpoint.toString(),
                "accessKey",
                S3ProxyServer.ACCESS_KEY,
                "secretKey",
                S3ProxyServer.SECRET_KEY,
                "insecureSSL",
                Boolean.toString(insecure),
                "fastPath",
                fastPath);
        return new S3StoreProvider().create(new StoreSettings("tls", "bindings.aws.s3", metadata, null, 4));
    }

    @Test
    void putsGetsAndStatsOverTlsWithInsecureSsl() throws IOException {
        try (Backend store = store("tls-bucket", true)) {
            // the SPI has no bucket calls; the store's own SDK client (also trusting all) makes it
            ((S3Backend) store).sdk().client().createBucket(b -> b.bucket("tls-bucket"));
            byte[] data = "hello over tls".getBytes(StandardCharsets.UTF_8);
            store.put("dir/a b+c", new ByteArrayInputStream(data), data.length, PutOptions.DEFAULT);
            try (InputStream in = store.open("dir/a b+c")) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
            try (InputStream in = store.open("dir/a b+c", 6, 4)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("over");
            }
            assertThat(store.stat("dir/a b+c")).get().extracting(o -> o.size()).isEqualTo((long) data.length);
            assertThat(store.stat("missing")).isEmpty();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "fastPath {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"true", "false"})
    void anUntrustedCertificateIsRefusedWithAHintAtTheFix(String fastPath) {
        try (Backend store = store("tls-bucket-2", false, fastPath)) {
            assertThatThrownBy(() -> store.stat("x"))
                    .isInstanceOf(com.atlan.storage.store.StorageConfigException.class)
                    .hasMessageContaining("TLS certificate of " + endpoint)
                    .hasMessageContaining("trust store")
                    .hasMessageContaining("insecureSSL")
                    .hasMessageNotContaining("sun.")
                    .hasMessageNotContaining("Exception");
        }
    }
}
