package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.testing.ComponentFiles;
import com.atlan.storage.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The life of one migration between two stores, as an operator would see it: the command line is started in its own
 * JVM and killed with SIGKILL part way, run again with {@code --resume} until done, checked with {@code verify}, and
 * run once more, which must copy nothing.
 */
final class KilledMigration {

    private static final String JOB = "cloud-e2e";

    private final Path dir;
    private final Path components;

    KilledMigration(Path dir) {
        this.dir = dir;
        this.components = dir.resolve("components");
        ComponentFiles.write(components, "statestore", """
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
    }

    /** Runs the whole life from {@code source} to {@code destination}; {@code extra} options go to every migrate. */
    void run(TestStore source, TestStore destination, List<String> extra) throws Exception {
        source.writeComponent(components, "objectstore");
        destination.writeComponent(components, "upstream-objectstore");
        try (Backend from = source.open("objectstore");
                Backend to = destination.open("upstream-objectstore")) {
            List<ObjectInfo> expected = from.list("", null).toList();
            assertThat(expected).as("the source was seeded").hasSizeGreaterThan(40);

            int atKill = killPartWay(to, extra);
            assertThat(atKill).as("the kill came part way").isBetween(1, expected.size() - 1);

            MigrationSummary resumed = migrate(extra, "--resume");
            assertThat(resumed.failures()).isEmpty();
            assertThat(resumed.totalFiles()).isEqualTo(expected.size());
            assertThat(resumed.migratedFiles()).isEqualTo(expected.size());
            assertSameContent(from, to, expected);

            CliRun verify = CliRun.of("verify", "--components=" + components);
            assertThat(verify.exitCode())
                    .as("verify: %s %s", verify.out(), verify.err())
                    .isZero();
            assertThat(verify.out()).contains("Identical: " + expected.size() + " objects");

            MigrationSummary again = migrate(extra);
            assertThat(again.failures()).isEmpty();
            assertThat(again.migratedFiles()).isEqualTo(expected.size());
            assertThat(again.copiedFiles()).as("a re-run copies nothing").isZero();
        }
    }

    /** Starts the command line in a child JVM and kills it once the destination holds some objects. */
    private int killPartWay(Backend destination, List<String> extra) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                AtlanStorageCli.class.getName(),
                "migrate",
                "--components=" + components,
                "--no-progress",
                "--json",
                "--concurrency=2",
                "--checkpoint-interval=0.05",
                "--job-id=" + JOB));
        command.addAll(extra);
        Process child = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("child.out").toFile())
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        int present = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try {
            while (child.isAlive() && System.nanoTime() < deadline) {
                present = count(destination);
                if (present >= 10) {
                    break;
                }
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(child.exitValue())
                .as("killed, not finished; see %s", dir.resolve("child.err"))
                .isEqualTo(137);
        return count(destination);
    }

    private static int count(Backend store) {
        try (var listing = store.list("", null)) {
            return (int) listing.count();
        }
    }

    private MigrationSummary migrate(List<String> extra, String... more) {
        List<String> args = new java.util.ArrayList<>(
                List.of("migrate", "--components=" + components, "--no-progress", "--json", "--job-id=" + JOB));
        args.addAll(extra);
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("migrate %s: %s", args, run.err()).isZero();
        return MigrationSummary.fromJson(run.out().strip());
    }

    private static void assertSameContent(Backend from, Backend to, List<ObjectInfo> expected) {
        assertThat(to.list("", null).map(ObjectInfo::key).toList())
                .containsExactlyInAnyOrderElementsOf(
                        expected.stream().map(ObjectInfo::key).toList());
        for (ObjectInfo object : expected) {
            assertThat(sha256(to, object.key())).as(object.key()).isEqualTo(sha256(from, object.key()));
        }
    }

    private static String sha256(Backend store, String key) {
        try (InputStream in = store.open(key)) {
            return TestData.sha256(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
