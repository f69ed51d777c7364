package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.state.SqliteCheckpointStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A summary (and --json) on every exit path: errors that stop the run, the failure budget, Ctrl-C. */
class MigrateExitPathsTest extends LocalStoresTestBase {

    @BeforeEach
    void stateStore() {
        writeStateStore();
    }

    private void seed(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            write(source, String.format("p/%05d", i), "object " + i);
        }
    }

    @Test
    void theFailureBudgetStopsWithExitTwoAndStillPrintsTheSummaryAsJson() throws IOException {
        seed(30);
        for (int i = 0; i < 30; i++) {
            // a folder where the destination needs a file fails each object for good
            Files.createDirectories(destination.resolve(String.format("p/%05d/occupied", i)));
        }
        CliRun result = CliRun.of(
                "migrate",
                "--components",
                components.toString(),
                "--json",
                "--max-failure-rate",
                "0.1",
                "--concurrency",
                "1",
                "--max-attempts",
                "1");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        MigrationSummary summary = MigrationSummary.fromJson(result.out().strip());
        assertThat(summary.failedMigrations()).isBetween(20L, 29L);
        assertThat(result.err()).contains("failure rate");

        CliRun text = CliRun.of(
                "migrate",
                "--components",
                components.toString(),
                "--no-progress",
                "--max-failure-rate",
                "0.1",
                "--concurrency",
                "1",
                "--max-attempts",
                "1");
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.out()).contains("Migrated 0 of").contains("failed:");
    }

    @Test
    void ctrlCSavesACheckpointPrintsTheSummaryAndTheResumeCommand() throws Exception {
        seed(2000);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        AtlanStorageCli.class.getName(),
                        "migrate",
                        "--components",
                        components.toString(),
                        "--concurrency",
                        "1",
                        "--json",
                        "--no-progress")
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (countFiles(destination) < 20 && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("still copying when interrupted").isTrue();
        child.destroy(); // SIGTERM runs the shutdown hooks like Ctrl-C's SIGINT
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

        // the test class path's logback configuration logs to stdout too; the summary is the JSON line
        String json =
                out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("no JSON in: " + out);
        MigrationSummary partial = MigrationSummary.fromJson(json);
        assertThat(partial.migratedFiles()).isBetween(1L, 1999L);
        assertThat(err)
                .contains("Interrupted. Resume with: atlan-storage migrate --components")
                .contains("--resume");
        try (SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(dir.resolve("state/statestore.db"))) {
            List<String> jobs =
                    List.of(com.atlan.storage.state.Checkpoint.jobIdFor("objectstore", "upstream-objectstore", ""));
            assertThat(checkpoints.load(jobs.get(0)).orElseThrow().complete()).isFalse();
        }
        CliRun resumed = CliRun.of("migrate", "--components", components.toString(), "--resume", "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).as(resumed.err()).startsWith("{");
        MigrationSummary done = MigrationSummary.fromJson(resumed.out().strip());
        assertThat(done.totalFiles()).isEqualTo(2000);
        assertThat(done.migratedFiles()).isEqualTo(2000);
        assertThat(countFiles(destination)).isEqualTo(2000);
    }

    private static long countFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        for (int attempt = 1; ; attempt++) {
            // the migration renames partial files while this walks: count again when one vanished under it
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(p -> !p.getFileName().toString().startsWith(".atlan-partial-"))
                        .filter(Files::isRegularFile)
                        .count();
            } catch (java.io.UncheckedIOException e) {
                if (attempt == 50) {
                    throw e;
                }
            }
        }
    }
}
