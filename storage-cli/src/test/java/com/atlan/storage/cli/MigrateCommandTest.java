package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MigrateCommandTest extends LocalStoresTestBase {

    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    private void seed(String key, String content) throws IOException {
        write(source, key, content);
    }

    @Test
    void migratesAndExitsZero() throws IOException {
        seed("processed/2024/a.json", "{}");
        seed("processed/2024/b/c.csv", "x,y");
        seed("other/d.txt", "no");

        CliRun result =
                run("migrate", "--components", components.toString(), "--prefix", "processed/2024/", "--no-progress");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("Migrated 2 of 2 objects")
                .contains("from objectstore to upstream-objectstore");
        assertThat(destination.resolve("processed/2024/b/c.csv")).hasContent("x,y");
        assertThat(destination.resolve("other/d.txt")).doesNotExist();
    }

    @Test
    void jsonPrintsOnlyTheSummary() throws IOException {
        seed("p/a", "1");
        CliRun result = run("migrate", "--components", components.toString(), "--json", "--prefix", "p");
        assertThat(result.exitCode()).isZero();
        MigrationSummary summary = MigrationSummary.fromJson(result.out().strip());
        assertThat(summary.migratedFiles()).isEqualTo(1);
        assertThat(summary.prefix()).isEqualTo("p");
    }

    @Test
    void someFailuresExitOne() throws IOException {
        seed("p/ok", "1");
        seed("p/unreadable", "secret");
        Path unreadable = source.resolve("p/unreadable");
        // a folder where the destination needs a file makes one object fail for good
        Files.createDirectories(destination.resolve("p/unreadable/occupied"));
        CliRun result = run(
                "migrate",
                "--components",
                components.toString(),
                "--prefix",
                "p",
                "--no-progress",
                "--max-attempts",
                "1");
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.out()).contains("failed:  1").contains("p/unreadable");
        assertThat(unreadable).exists();
    }

    @Test
    void noMatchIsSuccess() {
        CliRun result = run("migrate", "--components", components.toString(), "--prefix", "nothing/", "--no-progress");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("No objects matched");
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun result = run("migrate", "--concurrency", "many");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--concurrency");
        assertThat(run("no-such-command").exitCode()).isEqualTo(2);
    }

    @Test
    void configurationErrorsExitTwoBeforeAnyTransfer() throws IOException {
        seed("p/a", "1");
        CliRun missing =
                run("migrate", "--components", components.toString(), "--destination", "nope", "--no-progress");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope");

        CliRun same =
                run("migrate", "--components", components.toString(), "--destination", "objectstore", "--no-progress");
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).containsIgnoringCase("same");
        assertThat(destination).doesNotExist();
    }

    @Test
    void dryRunWritesNothing() throws IOException {
        seed("p/a", "12345");
        CliRun result = run("migrate", "--components", components.toString(), "--dry-run", "--no-progress");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Dry run: 1 objects (5 B)");
        assertThat(destination).doesNotExist();
    }

    @Test
    void migratesALargeFileByteForByte() throws IOException {
        Path big = TestData.writeRandomFile(source.resolve("big/blob.bin"), 3, 20L * 1024 * 1024);
        CliRun result = run("migrate", "--components", components.toString(), "--no-progress");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(TestData.sha256(destination.resolve("big/blob.bin"))).isEqualTo(TestData.sha256(big));
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun result = run("migrate", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("--prefix")
                .contains("--json")
                .contains("--dry-run")
                .contains("--concurrency");
    }

    @Test
    void reRunSkipsUnchangedAndNoSkipUnchangedCopiesAgain() throws IOException {
        seed("p/a", "1");
        seed("p/b", "2");
        assertThat(run("migrate", "--components", components.toString(), "--no-progress")
                        .exitCode())
                .isZero();
        MigrationSummary again =
                MigrationSummary.fromJson(run("migrate", "--components", components.toString(), "--json")
                        .out()
                        .strip());
        assertThat(again.skippedFiles()).isEqualTo(2);
        assertThat(again.migratedFiles()).as("both are at the destination").isEqualTo(2);
        assertThat(again.copiedFiles()).isZero();
        MigrationSummary forced = MigrationSummary.fromJson(
                run("migrate", "--components", components.toString(), "--json", "--no-skip-unchanged")
                        .out()
                        .strip());
        assertThat(forced.migratedFiles()).isEqualTo(2);
        assertThat(forced.copiedFiles()).isEqualTo(2);
    }

    @Test
    void resumeUsesTheStateStoreOrTheEmbeddedDefaultFileWhenThereIsNone() throws IOException {
        seed("p/a", "1");
        CliRun withoutStateStore = run(
                "migrate",
                "--components",
                components.toString(),
                "--resume",
                "--job-id",
                "no-state-" + dir.hashCode(),
                "--json");
        assertThat(withoutStateStore.exitCode()).as(withoutStateStore.err()).isZero();
        assertThat(Path.of("local/dapr/statestore.db"))
                .as("the embedded default, in the working directory")
                .exists();

        writeStateStore();
        CliRun resumed = run(
                "migrate",
                "--components",
                components.toString(),
                "--resume",
                "--job-id",
                "nightly",
                "--checkpoint-interval",
                "0.5",
                "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(MigrationSummary.fromJson(resumed.out().strip()).migratedFiles())
                .isEqualTo(1);
        assertThat(dir.resolve("state/statestore.db")).exists();
    }

    @Test
    void noCheckpointWritesNoStateAndCannotBeResumed() throws IOException {
        seed("p/a", "1");
        writeStateStore();
        CliRun run = run("migrate", "--components", components.toString(), "--no-checkpoint", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("state/statestore.db")).doesNotExist();
        CliRun refused = run("migrate", "--components", components.toString(), "--no-checkpoint", "--resume", "--json");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("resuming needs checkpoints").doesNotContain("Exception");
    }

    @Test
    void aSecondRunOfTheSameJobExitsTwoNamingWhoHoldsIt() throws IOException {
        seed("p/a", "1");
        writeStateStore();
        CliRun lock =
                run("state", "set", "--components", components.toString(), "--type", "workflows", "unused", "k", "v");
        assertThat(lock.exitCode()).as(lock.err()).isZero();
        try (var state = com.atlan.storage.state.sqlite.SqliteStateBackend.open(
                "statestore", dir.resolve("state/statestore.db"), "state", java.time.Duration.ofSeconds(5))) {
            state.put(
                    com.atlan.storage.state.StateKeys.lock("default", "held-job"),
                    "{\"job_id\":\"held-job\",\"host\":\"worker-9.example\",\"pid\":4321,\"run_id\":\"r\","
                            + "\"acquired_at\":\"2026-05-06T07:08:09Z\",\"expires_at\":\"2999-01-01T00:00:00Z\"}",
                    com.atlan.storage.state.Condition.always());
        }
        CliRun second = run("migrate", "--components", components.toString(), "--job-id", "held-job", "--no-progress");
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err())
                .contains(
                        "job 'held-job' is already running on host worker-9.example (pid 4321) since 2026-05-06T07:08:09Z")
                .doesNotContain("Exception");
        assertThat(destination.resolve("p/a")).doesNotExist();
    }
}
