package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.s3.S3ProxyServer;
import com.atlan.storage.testing.ComponentFiles;
import com.atlan.storage.testing.TestData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The command line against a real S3 server (S3Proxy on 127.0.0.1), configured by component files:
 * local -> S3, S3 -> S3 streamed between endpoints, S3 -> S3 server side within one endpoint, S3 -> local.
 */
class S3EndToEndTest {

    private static final S3ProxyServer S3 = S3ProxyServer.get();
    private static final long LARGE = 24L * 1024 * 1024;

    @TempDir
    Path dir;

    Path components;
    ListAppender<ILoggingEvent> migratorLog;

    @BeforeEach
    void setUp() throws IOException {
        components = Files.createDirectories(dir.resolve("components"));
        Path secrets = Files.writeString(
                dir.resolve("secrets.json"), "{\"TEST_S3_ACCESS_KEY\": \"" + S3ProxyServer.ACCESS_KEY + "\"}");
        Files.writeString(components.resolve("secrets.yaml"), """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: file-secrets
                spec:
                  type: secretstores.local.file
                  version: v1
                  metadata:
                    - name: secretsFile
                      value: "%s"
                """.formatted(secrets));
        Logger logger = (Logger) LoggerFactory.getLogger("com.atlan.storage.migrate");
        logger.setLevel(Level.INFO);
        migratorLog = new ListAppender<>();
        migratorLog.start();
        logger.addAppender(migratorLog);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger("com.atlan.storage.migrate")).detachAppender(migratorLog);
    }

    private void localComponent(String name, Path root) {
        ComponentFiles.localStore(components, name, root.toString());
    }

    /**
     * An S3 component; {@code host} lets two components reach the same server as different endpoints. Its access key
     * comes from the secret store, so every run also resolves a secret.
     */
    private void s3Component(String name, String bucket, String host) {
        Map<String, String> metadata = new HashMap<>(S3.metadata(bucket, host));
        metadata.remove("accessKey");
        metadata.put("forcePathStyle", "true");
        ComponentFiles.write(
                components,
                name,
                ComponentFiles.withSecret(
                        ComponentFiles.yaml(name, "bindings.aws.s3", metadata),
                        "accessKey",
                        "TEST_S3_ACCESS_KEY",
                        "file-secrets"));
    }

    private String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 3];
        all[0] = "migrate";
        all[1] = "--components=" + components;
        all[2] = "--no-progress";
        System.arraycopy(args, 0, all, 3, args.length);
        int code = AtlanStorageCli.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as("exit code; stderr: %s stdout: %s", err, out).isEqualTo(expectedExit);
        assertThat(out.toString() + err).doesNotContain(S3ProxyServer.SECRET_KEY);
        return out.toString();
    }

    private void seedBucket(String bucket) {
        S3.admin().putObject(b -> b.bucket(bucket).key("data/small.json"), RequestBody.fromString("{\"a\":1}"));
        S3.admin().putObject(b -> b.bucket(bucket).key("data/empty"), RequestBody.empty());
        S3.admin().putObject(b -> b.bucket(bucket).key("data/with space & 100%+.txt"), RequestBody.fromString("odd"));
        S3.admin()
                .putObject(
                        b -> b.bucket(bucket).key("data/large.bin"),
                        RequestBody.fromBytes(bytes(TestData.randomStream(11, LARGE))));
        S3.admin().putObject(b -> b.bucket(bucket).key("data_archive/not-selected"), RequestBody.fromString("no"));
    }

    /** All of a stream, for a request body the SDK may read twice (to sign it, then to send it). */
    static byte[] bytes(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String sha256(String bucket, String key) {
        return TestData.sha256(
                S3.admin().getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toInputStream()));
    }

    private java.util.List<String> keys(String bucket) {
        return S3.admin().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    private boolean loggedServerSideCopy() {
        return migratorLog.list.stream().anyMatch(e -> e.getFormattedMessage().contains("server-side copy"));
    }

    @Test
    void localToS3() throws IOException {
        Path local = dir.resolve("deployment");
        Files.createDirectories(local.resolve("data"));
        Files.writeString(local.resolve("data/a.txt"), "a");
        Files.writeString(local.resolve("data/empty"), "");
        Path big = TestData.writeRandomFile(local.resolve("data/big.bin"), 5, LARGE);
        localComponent("objectstore", local);
        String bucket = S3.newBucket();
        s3Component("upstream-objectstore", bucket, "127.0.0.1");

        String json = migrate("--json");

        MigrationSummary summary = MigrationSummary.fromJson(json.strip());
        assertThat(summary.migratedFiles()).isEqualTo(3);
        assertThat(keys(bucket)).containsExactly("data/a.txt", "data/big.bin", "data/empty");
        assertThat(sha256(bucket, "data/big.bin")).isEqualTo(TestData.sha256(big));
    }

    @Test
    void s3ToS3AcrossEndpointsStreamsTheBytes() throws IOException {
        String source = S3.newBucket();
        String destination = S3.newBucket();
        seedBucket(source);
        s3Component("objectstore", source, "127.0.0.1");
        s3Component("upstream-objectstore", destination, "localhost");

        String out = migrate("--prefix", "data");

        assertThat(out).contains("Migrated 4 of 4 objects");
        assertThat(keys(destination))
                .containsExactly("data/empty", "data/large.bin", "data/small.json", "data/with space & 100%+.txt");
        assertThat(sha256(destination, "data/large.bin")).isEqualTo(sha256(source, "data/large.bin"));
        assertThat(loggedServerSideCopy()).isFalse();
    }

    @Test
    void s3ToS3WithinOneEndpointCopiesServerSide() throws IOException {
        String source = S3.newBucket();
        String destination = S3.newBucket();
        seedBucket(source);
        s3Component("objectstore", source, "127.0.0.1");
        s3Component("upstream-objectstore", destination, "127.0.0.1");

        String out = migrate("--prefix", "data/");

        assertThat(out).contains("Migrated 4 of 4 objects");
        assertThat(loggedServerSideCopy())
                .as("the migrator announced server-side copies")
                .isTrue();
        assertThat(sha256(destination, "data/large.bin")).isEqualTo(sha256(source, "data/large.bin"));
        assertThat(keys(destination)).doesNotContain("data_archive/not-selected");
    }

    @Test
    void s3ToLocal() throws IOException {
        String source = S3.newBucket();
        seedBucket(source);
        Path local = dir.resolve("upstream");
        s3Component("objectstore", source, "127.0.0.1");
        localComponent("upstream-objectstore", local);

        migrate("--prefix", "data");

        assertThat(local.resolve("data/empty")).isEmptyFile();
        assertThat(local.resolve("data/with space & 100%+.txt")).hasContent("odd");
        assertThat(TestData.sha256(local.resolve("data/large.bin"))).isEqualTo(sha256(source, "data/large.bin"));
    }

    @Test
    void wrongCredentialsAreAListingErrorWithExitTwo() throws IOException {
        String source = S3.newBucket();
        seedBucket(source);
        Files.writeString(
                components.resolve("objectstore.yaml"),
                Files.readString(writeAndGet(source)).replace(S3ProxyServer.SECRET_KEY, "wrong-secret"));
        localComponent("upstream-objectstore", dir.resolve("upstream"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AtlanStorageCli.run(
                new String[] {"migrate", "--components=" + components, "--no-progress"},
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("objectstore").doesNotContain("wrong-secret");
    }

    private Path writeAndGet(String bucket) throws IOException {
        s3Component("objectstore", bucket, "127.0.0.1");
        return components.resolve("objectstore.yaml");
    }

    /** Runs migrate expecting success; the access key comes through secretKeyRef from the file secret store. */
    private String migrate(String... args) {
        return run(0, args);
    }
}
