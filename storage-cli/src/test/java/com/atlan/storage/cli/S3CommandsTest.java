package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.s3.S3ProxyServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.S3Object;

/** ls, cp, rm and stores --check through the launcher against a real S3 server (S3Proxy) and hostile endpoints. */
class S3CommandsTest {

    private static final S3ProxyServer S3 = S3ProxyServer.get();

    @TempDir
    Path dir;

    Path components;

    @BeforeEach
    void setUp() throws IOException {
        components = Files.createDirectories(dir.resolve("components"));
    }

    private void s3Component(String name, String bucket, String endpoint, String secret) {
        new TestStore(
                        "bindings.aws.s3",
                        Map.of(
                                "bucket",
                                bucket,
                                "region",
                                "us-east-1",
                                "endpoint",
                                endpoint,
                                "forcePathStyle",
                                "true",
                                "accessKey",
                                S3ProxyServer.ACCESS_KEY,
                                "secretKey",
                                secret))
                .writeComponent(components, name);
    }

    private String bucket(String name) {
        String bucket = S3.newBucket();
        s3Component(name, bucket, S3.endpoint().toString(), S3ProxyServer.SECRET_KEY);
        return bucket;
    }

    private CliRun run(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--components", components.toString()));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.out() + run.err()).doesNotContain(S3ProxyServer.SECRET_KEY);
        return run;
    }

    private List<String> keys(String bucket) {
        return S3.admin().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    @Test
    void lsCpAndRmWorkOnS3() throws IOException {
        String bucket = bucket("objectstore");
        S3.admin().putObject(b -> b.bucket(bucket).key("data/a.json"), RequestBody.fromString("{\"a\":1}"));
        S3.admin().putObject(b -> b.bucket(bucket).key("data/odd name & 100%.txt"), RequestBody.fromString("odd"));
        S3.admin().putObject(b -> b.bucket(bucket).key("data_archive/x"), RequestBody.fromString("no"));

        CliRun ls = run("ls", "--long", "objectstore:data");
        assertThat(ls.exitCode()).as(ls.err()).isZero();
        assertThat(ls.out().lines()).hasSize(2);
        assertThat(ls.out()).contains("data/odd name & 100%.txt").containsPattern("\\s7\\s.*data/a.json");

        Path local = Files.writeString(dir.resolve("up.txt"), "uploaded");
        CliRun up = run("cp", local.toString(), "objectstore:in/up.txt");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(S3.admin()
                        .getObject(b -> b.bucket(bucket).key("in/up.txt"), ResponseTransformer.toBytes())
                        .asString(StandardCharsets.UTF_8))
                .isEqualTo("uploaded");

        CliRun down = run(
                "cp",
                "objectstore:data/odd name & 100%.txt",
                dir.resolve("down.txt").toString());
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(dir.resolve("down.txt")).hasContent("odd");

        CliRun missing = run("cp", "objectstore:data/nope", dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("data/nope");
        assertThat(dir.resolve("nope")).doesNotExist();

        CliRun rm = run("rm", "--yes", "objectstore:data");
        assertThat(rm.exitCode()).as(rm.err()).isZero();
        assertThat(keys(bucket)).containsExactly("data_archive/x", "in/up.txt");
    }

    @Test
    void storesCheckPassesOnAWorkingBucketAndLeavesNoProbe() {
        String bucket = bucket("objectstore");
        CliRun check = run("stores", "--check");
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("objectstore (bindings.aws.s3)").contains("ok: list, write, read back");
        assertThat(keys(bucket)).isEmpty();
    }

    @Test
    void storesCheckClassifiesWrongCredentials() {
        s3Component("objectstore", S3.newBucket(), S3.endpoint().toString(), "wrong-secret-value");
        CliRun check = run("stores", "--check");
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.out()).contains("FAILED at list: credentials").doesNotContain("wrong-secret-value");
    }

    @Test
    void storesCheckClassifiesAMissingBucket() {
        s3Component("objectstore", "no-such-bucket-here", S3.endpoint().toString(), S3ProxyServer.SECRET_KEY);
        CliRun check = run("stores", "--check");
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.out()).contains("FAILED at list: not found");
    }

    @Test
    void storesCheckClassifiesAClosedPortAsConnectivity() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        s3Component("objectstore", "b", "http://127.0.0.1:" + port, S3ProxyServer.SECRET_KEY);
        CliRun check = run("stores", "--check");
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.out()).contains("FAILED at list: connectivity");
    }

    @Test
    void storesCheckOfAWebServerWhereTheStoreShouldBeFailsAndSaysSo() throws IOException {
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = "<html><body>Welcome to nginx!</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        web.start();
        try {
            s3Component(
                    "objectstore", "b", "http://127.0.0.1:" + web.getAddress().getPort(), "s3cr3t-value");
            CliRun check = run("stores", "--check");
            assertThat(check.exitCode()).isEqualTo(2);
            assertThat(check.out())
                    .contains("FAILED at list: unexpected answer")
                    .contains("0 of 1 stores passed");
            CliRun ls = run("ls", "objectstore:");
            assertThat(ls.exitCode()).isEqualTo(2);
            assertThat(ls.err()).startsWith("error: ");
        } finally {
            web.stop(0);
        }
    }
}
