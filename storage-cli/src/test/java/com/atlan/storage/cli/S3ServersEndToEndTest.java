package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.s3.S3MockServer;
import com.atlan.storage.s3.S3ProxyServer;
import com.atlan.storage.s3.S3StoreProvider;
import com.atlan.storage.s3.S3rverServer;
import com.atlan.storage.s3.TestS3Server;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.testing.ComponentFiles;
import com.atlan.storage.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line against each S3 server here (S3Proxy, Adobe S3Mock, npm s3rver), each component declaring its
 * server's listing order: local -> S3, S3 -> S3 server side and streamed, S3 -> local, a re-run, {@code --resume} and
 * {@code verify}, with keys holding spaces, {@code +}, {@code %}, {@code ~}, {@code //}, non-BMP characters and the
 * pairs whose order differs between a file system and S3 ({@code a}/{@code a-b}, {@code 2024/x}/{@code 2024.csv}).
 *
 * <p>Servers that do not list in code point order (s3rver walks its folders) depend on the engine planning over any
 * listing order; until it does, their runs stop with exit 2 rather than report a wrong result.
 */
class S3ServersEndToEndTest {

    /** Keys any store can hold (local folders included). */
    private static final List<String> KEYS = List.of(
            "e2e/a",
            "e2e/a-b",
            "e2e/2024/x",
            "e2e/2024.csv",
            "e2e/with space.txt",
            "e2e/plus+sign",
            "e2e/100%.txt",
            "e2e/tilde~name",
            "e2e/\uD83D\uDE00 smile.txt",
            "e2e/deep/er/still/y");
    /** A key only object stores can hold. */
    private static final String DOUBLE_SLASH = "e2e/double//slash";

    private static final long LARGE = 12L * 1024 * 1024; // multipart with the default 8 MiB threshold

    @TempDir
    Path dir;

    Path components;

    @BeforeEach
    void setUp() throws IOException {
        components = Files.createDirectories(dir.resolve("components"));
    }

    private static TestS3Server server(String name) {
        return switch (name) {
            case "S3Proxy" -> S3ProxyServer.get();
            case "S3Mock" -> S3MockServer.get();
            default -> S3rverServer.get();
        };
    }

    /** An S3 component over {@code bucket}; {@code host} lets two components reach one server as two endpoints. */
    private void s3Component(TestS3Server server, String name, String bucket, String host) {
        ComponentFiles.write(
                components, name, ComponentFiles.yaml(name, "bindings.aws.s3", server.metadata(bucket, host)));
    }

    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--components=" + components);
        if (args[0].equals("migrate")) all.add(2, "--no-progress");
        return CliRun.of(all.toArray(String[]::new));
    }

    private MigrationSummary migrate(String... args) {
        List<String> all = new ArrayList<>(List.of("migrate"));
        all.addAll(List.of(args));
        all.add("--json");
        CliRun run = cli(all.toArray(String[]::new));
        assertThat(run.exitCode())
                .as("migrate exit code; stderr: %s", run.err())
                .isZero();
        return MigrationSummary.fromJson(run.out().strip());
    }

    private void verifyIdentical(String... args) {
        List<String> all = new ArrayList<>(List.of("verify", "--download"));
        all.addAll(List.of(args));
        CliRun run = cli(all.toArray(String[]::new));
        assertThat(run.exitCode())
                .as("verify exit code; stdout: %s stderr: %s", run.out(), run.err())
                .isZero();
    }

    /**
     * A store over {@code bucket} on the lean path, to seed and read buckets: the SDK sends {@code a//b} in a form S3Mock
     * refuses (400), while the store's own path keeps it.
     */
    private static Backend lean(TestS3Server server, String bucket) {
        return new S3StoreProvider().create(server.settings("seed", bucket, Map.of("fastPath", "true")));
    }

    private static void seed(TestS3Server server, String bucket, List<String> keys) {
        try (Backend store = lean(server, bucket)) {
            for (String key : keys) {
                byte[] content = ("content of " + key).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                store.put(key, new java.io.ByteArrayInputStream(content), content.length, PutOptions.DEFAULT);
            }
            store.put("e2e/large.bin", TestData.randomStream(3, LARGE), LARGE, PutOptions.DEFAULT);
        }
    }

    private static Map<String, String> contents(TestS3Server server, String bucket) {
        Map<String, String> contents = new TreeMap<>();
        try (Backend store = lean(server, bucket);
                var listing = store.listFlat("e2e/", null)) {
            for (ObjectInfo o : listing.toList()) {
                contents.put(o.key(), TestData.sha256(store.open(o.key())));
            }
        }
        return contents;
    }

    /**
     * The keys an object store holds in the tests. Of the three servers only S3Mock keeps {@code a//b} (S3Proxy and
     * s3rver store it as {@code a/b}, and refuse it from the SDK; see docs/s3.md), so only S3Mock gets it.
     */
    private static List<String> s3Keys(String name) {
        List<String> keys = new ArrayList<>(KEYS);
        if (name.equals("S3Mock")) keys.add(DOUBLE_SLASH);
        return keys;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"S3Proxy", "S3Mock", "s3rver"})
    void localToS3ThenAReRunCopiesNothingAndVerifyAgrees(String name) throws IOException {
        TestS3Server server = server(name);
        Path local = dir.resolve("deployment");
        for (String key : KEYS) {
            Path file = local.resolve(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "content of " + key);
        }
        TestData.writeRandomFile(local.resolve("e2e/large.bin"), 4, LARGE);
        // files written well before the migration, as real ones are (object stores keep whole seconds)
        try (var files = Files.walk(local)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(
                        f,
                        java.nio.file.attribute.FileTime.from(
                                java.time.Instant.now().minusSeconds(3600)));
            }
        }
        ComponentFiles.localStore(components, "objectstore", local.toString());
        String bucket = server.newBucket();
        s3Component(server, "upstream-objectstore", bucket, "127.0.0.1");

        MigrationSummary first = migrate("--prefix", "e2e");
        assertThat(first.migratedFiles()).isEqualTo(KEYS.size() + 1);
        assertThat(contents(server, bucket).keySet()).hasSize(KEYS.size() + 1);

        MigrationSummary again = migrate("--prefix", "e2e");
        assertThat(again.migratedFiles()).isEqualTo(KEYS.size() + 1);
        assertThat(again.bytesMigrated()).as("a re-run copies nothing").isZero();

        verifyIdentical("--prefix", "e2e");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"S3Proxy", "S3Mock", "s3rver"})
    void s3ToS3ServerSideAndStreamedAreByteForByte(String name) throws IOException {
        TestS3Server server = server(name);
        String source = server.newBucket();
        seed(server, source, s3Keys(name));
        Map<String, String> expected = contents(server, source);

        // one endpoint spelled alike: server-side copies
        String sameEndpoint = server.newBucket();
        s3Component(server, "objectstore", source, "127.0.0.1");
        s3Component(server, "upstream-objectstore", sameEndpoint, "127.0.0.1");
        assertThat(migrate("--prefix", "e2e/").migratedFiles()).isEqualTo(expected.size());
        assertThat(contents(server, sameEndpoint)).isEqualTo(expected);
        verifyIdentical("--prefix", "e2e/");

        // another spelling of the endpoint: a different store, so the bytes stream through
        String streamed = server.newBucket();
        s3Component(server, "upstream-objectstore", streamed, "localhost");
        MigrationSummary summary = migrate("--prefix", "e2e/");
        assertThat(summary.bytesMigrated()).isGreaterThanOrEqualTo(LARGE);
        assertThat(contents(server, streamed)).isEqualTo(expected);
        verifyIdentical("--prefix", "e2e/");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"S3Proxy", "S3Mock", "s3rver"})
    void s3ToLocalThenResumeCopiesWhatWasAddedAndVerifyAgrees(String name) throws IOException {
        TestS3Server server = server(name);
        String source = server.newBucket();
        List<String> firstHalf = KEYS.subList(0, KEYS.size() / 2);
        seed(server, source, firstHalf);
        s3Component(server, "objectstore", source, "127.0.0.1");
        Path local = dir.resolve("upstream");
        ComponentFiles.localStore(components, "upstream-objectstore", local.toString());
        Files.writeString(components.resolve("statestore.yaml"), """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: statestore
                spec:
                  type: state.sqlite
                  version: v1
                  metadata:
                    - name: connectionString
                      value: "%s"
                """.formatted(dir.resolve("state/statestore.db")));

        assertThat(migrate("--prefix", "e2e", "--job-id", "e2e-job").migratedFiles())
                .isEqualTo(firstHalf.size() + 1);
        seed(server, source, KEYS);
        MigrationSummary resumed = migrate("--prefix", "e2e", "--job-id", "e2e-job", "--resume");
        assertThat(resumed.failedMigrations()).isZero();

        for (String key : KEYS) {
            assertThat(local.resolve(key)).as(key).hasContent("content of " + key);
        }
        assertThat(TestData.sha256(local.resolve("e2e/large.bin")))
                .isEqualTo(contents(server, source).get("e2e/large.bin"));
        verifyIdentical("--prefix", "e2e");
    }
}
