package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The lean path is chosen only for an explicit S3-compatible endpoint where it can honour everything the SDK would;
 * AWS itself, a proxy, an endpoint from the environment or a profile, FIPS, dual-stack, ARN and directory buckets all
 * go through the SDK, as the SDK's own providers read those settings (system properties stand in for the environment
 * here: the SDK reads both).
 */
@ResourceLock("system-properties")
class FastPathTest {

    @TempDir
    Path dir;

    private static S3StoreConfig config(Map<String, String> extra) {
        Map<String, String> metadata =
                new HashMap<>(Map.of("bucket", "bucket", "region", "us-east-1", "accessKey", "a", "secretKey", "s"));
        metadata.putAll(extra);
        return S3StoreConfig.from(new StoreSettings("fp", "bindings.aws.s3", metadata, null, 4), name -> null);
    }

    private static FastPath decide(Map<String, String> extra) {
        return FastPath.decide(config(extra));
    }

    private static final Map<String, String> LOCAL = Map.of("endpoint", "http://127.0.0.1:9000");

    @Test
    void anExplicitS3CompatibleEndpointTakesTheLeanPath() {
        FastPath path = decide(LOCAL);
        assertThat(path.lean()).isTrue();
        assertThat(path.reasons()).isEmpty();
    }

    @Test
    void awsItselfGoesThroughTheSdk() {
        assertThat(decide(Map.of()).lean()).isFalse();
        assertThat(decide(Map.of()).reasons()).anyMatch(r -> r.contains("AWS itself"));
        assertThat(decide(Map.of("endpoint", "https://s3.eu-west-1.amazonaws.com"))
                        .lean())
                .isFalse();
    }

    @Test
    void fastPathFalseAlwaysGoesThroughTheSdk() {
        assertThat(decide(Map.of("endpoint", "http://127.0.0.1:9000", "fastPath", "false"))
                        .lean())
                .isFalse();
    }

    @Test
    void aProxyKeepsTheLeanPathOffUnlessTheEndpointIsExcluded() {
        withProperty("http.proxyHost", "proxy.internal", () -> {
            withProperty("http.proxyPort", "3128", () -> {
                FastPath path = decide(LOCAL);
                assertThat(path.lean()).isFalse();
                assertThat(path.reasons()).anyMatch(r -> r.contains("proxy"));
                withProperty(
                        "http.nonProxyHosts",
                        "127.0.0.1|localhost",
                        () -> assertThat(decide(LOCAL).lean()).isTrue());
            });
        });
        withProperty(
                "https.proxyHost",
                "proxy.internal",
                () -> assertThat(decide(LOCAL).lean()).isFalse());
    }

    @Test
    void anEndpointFromTheEnvironmentOrAProfileKeepsTheLeanPathOff() throws Exception {
        withProperty(
                "aws.endpointUrlS3",
                "http://elsewhere:9000",
                () -> assertThat(decide(LOCAL).reasons()).anyMatch(r -> r.contains("AWS_ENDPOINT_URL")));
        withProperty(
                "aws.endpointUrl",
                "http://elsewhere:9000",
                () -> assertThat(decide(LOCAL).lean()).isFalse());
        Path profile = Files.writeString(
                dir.resolve("config"), "[default]\nregion = us-east-1\nendpoint_url = http://elsewhere:9000\n");
        withProperty(
                "aws.configFile",
                profile.toString(),
                () -> assertThat(decide(LOCAL).lean()).isFalse());
    }

    @Test
    void fipsAndDualStackKeepTheLeanPathOffAndCannotBeForcedOn() {
        withProperty("aws.useFipsEndpoint", "true", () -> {
            assertThat(decide(LOCAL).lean()).isFalse();
            assertThatThrownBy(() -> decide(Map.of("endpoint", "http://127.0.0.1:9000", "fastPath", "true")))
                    .isInstanceOf(StorageConfigException.class)
                    .hasMessageContaining("FIPS");
        });
        withProperty(
                "aws.useDualstackEndpoint",
                "true",
                () -> assertThat(decide(LOCAL).reasons()).anyMatch(r -> r.contains("dual-stack")));
    }

    @Test
    void arnAndDirectoryBucketsGoThroughTheSdk() {
        assertThat(decide(Map.of(
                                "endpoint",
                                "http://127.0.0.1:9000",
                                "bucket",
                                "arn:aws:s3:us-east-1:123456789012:accesspoint/ap"))
                        .lean())
                .isFalse();
        assertThat(decide(Map.of("endpoint", "http://127.0.0.1:9000", "bucket", "data--use1-az4--x-s3"))
                        .lean())
                .isFalse();
    }

    @Test
    void aStoreOnTheSdkPathSaysSo() {
        try (S3Backend store = new S3Backend(config(Map.of()))) {
            assertThat(store.requests().lean()).isFalse();
            assertThat(store.toString()).contains("sdk");
        }
        try (S3Backend store = new S3Backend(config(LOCAL))) {
            assertThat(store.requests().lean()).isTrue();
        }
    }

    @Test
    void aForcedLeanPathGoesThroughTheSameProxyAsTheSdk() throws Exception {
        try (ScriptedS3 proxy = new ScriptedS3(r -> ScriptedS3.Reply.of(
                404, java.util.Map.of("Content-Type", "application/xml"), ScriptedS3.error("NoSuchKey")))) {
            int port = java.net.URI.create(proxy.endpoint()).getPort();
            withProperty(
                    "http.proxyHost",
                    "127.0.0.1",
                    () -> withProperty("http.proxyPort", Integer.toString(port), () -> {
                        for (String fastPath : new String[] {"true", "false"}) {
                            try (S3Backend store = new S3Backend(config(
                                    Map.of("endpoint", "http://s3.example.invalid:9000", "fastPath", fastPath)))) {
                                assertThat(store.requests().lean()).isEqualTo(fastPath.equals("true"));
                                assertThat(store.stat("k")).isEmpty();
                            }
                        }
                    }));
            // both paths asked the proxy for the endpoint's URL: nothing went around it
            assertThat(proxy.requests())
                    .extracting(ScriptedS3.Request::target)
                    .containsExactly(
                            "http://s3.example.invalid:9000/bucket/k", "http://s3.example.invalid:9000/bucket/k");
        }
    }

    /** Runs {@code body} with a system property set, restoring it after. */
    private static void withProperty(String name, String value, ThrowingRunnable body) {
        String before = System.getProperty(name);
        System.setProperty(name, value);
        try {
            body.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (before == null) System.clearProperty(name);
            else System.setProperty(name, before);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
