package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.temporal.Processes;
import com.atlan.storage.temporal.TemporalWorker;
import com.atlan.storage.temporal.TestTemporalServer;
import com.atlan.storage.testing.ComponentFiles;
import com.atlan.storage.testing.FaultyStoreProvider;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code worker} and {@code migrate --temporal} against Temporal's real (Java) test server on a loopback port: the
 * migration runs as a workflow on a worker and the command reports it as a local run would.
 */
class TemporalCommandsTest {

    private static final String QUEUE = "cli-test";

    @TempDir
    Path dir;

    private TestTemporalServer server;
    private Path components;
    private Path source;
    private Path destination;

    @BeforeEach
    void startServer() {
        server = TestTemporalServer.start();
        components = dir.resolve("components");
        source = dir.resolve("deployment").toAbsolutePath();
        destination = dir.resolve("upstream").toAbsolutePath();
        ComponentFiles.localStore(components, "objectstore", source.toString());
        ComponentFiles.localStore(components, "upstream-objectstore", destination.toString());
        ComponentFiles.write(
                components,
                "faulty-source",
                FaultyStoreProvider.component("faulty-source", source.toString(), Map.of("failReadsOf", "bad")));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void migrateThroughTheWorkerCommandCopiesEveryObjectAndReportsExactCounts() throws Exception {
        long bytes = seed("data/", 300);
        try (Processes processes = new Processes()) {
            Path log = dir.resolve("worker.log");
            Process worker = processes.start(
                    AtlanStorageCli.class.getName(),
                    List.of(
                            "worker",
                            "--temporal",
                            server.target(),
                            "--task-queue",
                            QUEUE,
                            "--components",
                            components.toString()),
                    log);
            awaitTrue("the worker to poll (see " + log + ")", () -> read(log).contains("polling task queue"));
            assertThat(read(log)).contains("'" + QUEUE + "'").contains(server.target());

            CliRun run = CliRun.of(remoteMigrate(
                    "--prefix",
                    "data/",
                    "--objects-per-shard",
                    "40",
                    "--max-parallel-shards",
                    "3",
                    "--json",
                    "--progress-interval",
                    "0.2"));

            assertThat(run.exitCode()).as(run.err() + read(log)).isZero();
            MigrationSummary summary = MigrationSummary.fromJson(run.out().strip());
            assertThat(summary.totalFiles()).isEqualTo(300);
            assertThat(summary.migratedFiles()).isEqualTo(300);
            assertThat(summary.copiedFiles()).isEqualTo(300);
            assertThat(summary.skippedFiles()).isZero();
            assertThat(summary.failedMigrations()).isZero();
            assertThat(summary.bytesMigrated()).isEqualTo(bytes);
            assertThat(summary.prefix()).isEqualTo("data/");
            assertThat(summary.source()).isEqualTo("objectstore");
            assertThat(summary.destination()).isEqualTo("upstream-objectstore");
            assertThat(tree(destination)).isEqualTo(tree(source)).hasSize(300);
            assertThat(run.err()).contains("Started workflow atlan-storage-deployment-upstream-data");

            worker.destroy(); // SIGTERM
            assertThat(worker.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(worker.exitValue()).as(read(log)).isZero();
            assertThat(read(log)).contains("worker stopped");
        }
    }

    @Test
    @SuppressWarnings("try") // the worker serves while the commands run
    void theSameWorkflowIdSubmittedTwiceAttachesToTheRunningWorkflowInsteadOfMigratingTwice() throws Exception {
        seed("twice/", 120);
        String[] args = remoteMigrate(
                "--source",
                "objectstore",
                "--destination",
                "upstream-objectstore",
                "--prefix",
                "twice/",
                "--workflow-id",
                "twice",
                "--json",
                "--no-progress");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // No worker polls yet, so the first workflow is certainly still running when the second command comes.
            Future<CliRun> first = threads.submit(() -> CliRun.of(args));
            awaitTrue("the first command to start workflow 'twice'", () -> running("twice"));
            StringWriter secondErr = new StringWriter();
            StringWriter secondOut = new StringWriter();
            Future<Integer> second = threads.submit(() ->
                    AtlanStorageCli.run(args, new PrintWriter(secondOut, true), new PrintWriter(secondErr, true)));
            awaitTrue(
                    "the second command to attach or end",
                    () -> secondErr.toString().contains("Attached to workflow twice") || second.isDone());
            assertThat(secondErr.toString()).contains("Attached to workflow twice, already running");

            StorageConfiguration configuration = StorageConfiguration.load(Optional.of(components));
            try (TemporalWorker worker = new TemporalWorker(server.target(), "default", QUEUE, configuration, false)) {
                CliRun firstRun = first.get(2, TimeUnit.MINUTES);
                assertThat(firstRun.exitCode()).as(firstRun.err()).isZero();
                assertThat(second.get(2, TimeUnit.MINUTES))
                        .as(secondErr.toString())
                        .isZero();
                MigrationSummary one = MigrationSummary.fromJson(firstRun.out().strip());
                MigrationSummary two =
                        MigrationSummary.fromJson(secondOut.toString().strip());
                // A second run would have found all 120 already identical; the attached command reports the one run.
                assertThat(one.copiedFiles()).isEqualTo(120);
                assertThat(two.copiedFiles()).isEqualTo(120);
                assertThat(two.skippedFiles()).isZero();
                assertThat(two)
                        .as("the one workflow's summary, elapsed time included")
                        .isEqualTo(one);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @SuppressWarnings("try") // the worker serves while the command runs
    void failedObjectsExitOneWithTheFailuresInTheSummary() throws Exception {
        seed("mixed/", 30);
        Files.writeString(source.resolve("mixed/bad-1.json"), "x");
        StorageConfiguration configuration = StorageConfiguration.load(Optional.of(components));
        try (TemporalWorker worker = new TemporalWorker(server.target(), "default", QUEUE, configuration, false)) {
            CliRun run = CliRun.of(remoteMigrate(
                    "--source",
                    "faulty-source",
                    "--destination",
                    "upstream-objectstore",
                    "--prefix",
                    "mixed/",
                    "--max-attempts",
                    "1",
                    "--no-progress"));

            assertThat(run.exitCode()).as(run.err()).isEqualTo(AtlanStorageCli.SOME_FAILED);
            assertThat(run.out())
                    .contains("Migrated 30 of 31 objects")
                    .contains("failed:  1")
                    .contains("mixed/bad-1.json");
        }
    }

    @Test
    @SuppressWarnings("try") // the worker serves while the command runs
    void aStoreTheWorkersDoNotHaveStopsTheWorkflowAndExitsTwoWithTheSummarySoFar() {
        StorageConfiguration configuration = StorageConfiguration.load(Optional.of(components));
        try (TemporalWorker worker = new TemporalWorker(server.target(), "default", QUEUE, configuration, false)) {
            CliRun run = CliRun.of(remoteMigrate(
                    "--source", "no-such-store", "--destination", "upstream-objectstore", "--json", "--no-progress"));

            assertThat(run.exitCode()).as(run.err()).isEqualTo(AtlanStorageCli.ERROR);
            assertThat(run.out()).as(run.err()).isNotBlank();
            assertThat(MigrationSummary.fromJson(run.out().strip()).migratedFiles())
                    .isZero();
            assertThat(run.err()).contains("error: ").contains("no-such-store").doesNotContain("\tat ");
        }
    }

    @Test
    void anUnreachableTemporalAddressExitsTwoNamingItWithoutAStackTrace() throws IOException {
        String nobody = "127.0.0.1:" + Processes.freePort();
        for (String[] args : List.of(
                new String[] {"migrate", "--temporal", nobody, "--prefix", "x/"},
                new String[] {"worker", "--temporal", nobody, "--components", components.toString()})) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(AtlanStorageCli.ERROR);
            assertThat(run.err())
                    .contains("cannot reach Temporal at " + nobody)
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void optionsALocalRunAloneHonoursAreRefusedWithTemporalAndTheOtherWayRound() {
        CliRun remote = CliRun.of("migrate", "--temporal", "127.0.0.1:1", "--include", "*.csv", "--resume");
        assertThat(remote.exitCode()).isEqualTo(AtlanStorageCli.ERROR);
        assertThat(remote.err()).contains("--include, --resume apply to local runs only");

        CliRun local = CliRun.of(
                "migrate", "--components", components.toString(), "--workflow-id", "w", "--max-parallel-shards", "4");
        assertThat(local.exitCode()).isEqualTo(AtlanStorageCli.ERROR);
        assertThat(local.err()).contains("--workflow-id, --max-parallel-shards need --temporal");
    }

    /** {@code migrate --temporal} against the test server and queue, with {@code more} arguments. */
    private String[] remoteMigrate(String... more) {
        List<String> args =
                new java.util.ArrayList<>(List.of("migrate", "--temporal", server.target(), "--task-queue", QUEUE));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Writes {@code count} objects of varied sizes under {@code prefix} in the source; returns their total size. */
    private long seed(String prefix, int count) throws IOException {
        Random random = new Random(count);
        long total = 0;
        for (int i = 0; i < count; i++) {
            byte[] content = new byte[random.nextInt(4096)];
            random.nextBytes(content);
            Path file = source.resolve(prefix + "part-" + (i % 7) + "/obj-" + i + ".bin");
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            total += content.length;
        }
        return total;
    }

    private boolean running(String workflowId) {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(server.target())
                .build());
        try {
            service.blockingStub()
                    .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                            .setNamespace("default")
                            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                            .build());
            return true;
        } catch (StatusRuntimeException e) {
            return false;
        } finally {
            service.shutdownNow();
        }
    }

    /** Every file under {@code root}: relative path to its bytes, as a hex-free comparable form. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (!p.getFileName().toString().startsWith(".")) {
                    files.put(
                            root.relativize(p).toString(),
                            java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
                }
            }
        }
        return files;
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code condition} holds; a bound on a hang (two minutes), not a timing claim. */
    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
