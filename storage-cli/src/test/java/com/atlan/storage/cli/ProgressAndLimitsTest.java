package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The progress display with and without a terminal, and --bwlimit holding a migration to its rate. */
class ProgressAndLimitsTest extends LocalStoresTestBase {

    private static final long MIB = 1024 * 1024;

    private void seed(int files, long size) throws IOException {
        for (int i = 0; i < files; i++) {
            TestData.writeRandomFile(source.resolve("p/f" + i + ".bin"), i, size);
        }
    }

    @Test
    void withoutATerminalProgressIsAPlainLineEveryInterval() throws IOException {
        seed(4, 256 * 1024);
        // 1 MiB at 1 MiB/s (streamed: a server-side copy moves no bytes here) lasts about a second, so lines every 0.2
        // s appear however fast the machine is
        CliRun run = CliRun.of(
                "migrate",
                "--components",
                components.toString(),
                "--no-server-side-copy",
                "--bwlimit",
                "1M",
                "--progress-interval",
                "0.2",
                "--prefix",
                "p");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines =
                run.err().lines().filter(l -> l.startsWith("progress: ")).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines.getLast()).contains("objects done").contains("failed").contains("retries");
        assertThat(run.out()).contains("Migrated 4 of 4 objects");
    }

    @Test
    void onATerminalTheBarIsRedrawnAndTheSummaryFollows() throws Exception {
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script) || "true".equals(System.getenv("CI")), "script(1) missing");
        seed(4, 256 * 1024);
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = String.join(
                " ",
                quote(java),
                "-cp",
                quote(System.getProperty("java.class.path")),
                AtlanStorageCli.class.getName(),
                "migrate",
                "--components",
                quote(components.toString()),
                "--no-server-side-copy",
                "--bwlimit",
                "1M",
                "--prefix",
                "p");
        Path typescript = dir.resolve("typescript");
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "-qfec", command, typescript.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("script.out").toFile());
        pb.environment().put("TERM", "xterm-256color");
        pb.environment().remove("NO_COLOR");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String screen = Files.readString(typescript, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(screen).isZero();
        assertThat(screen).contains("migrate");
        assertThat(screen.chars().filter(c -> c == '\r').count())
                .as("the bar is redrawn in place")
                .isGreaterThanOrEqualTo(2);
        assertThat(screen).contains("\u001b[").as("coloured on a terminal");
        assertThat(screen).contains("Migrated 4 of 4 objects");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Test
    void bwlimitHoldsAMigrationToItsRate() throws IOException {
        seed(3, 10 * MIB);
        long start = System.nanoTime();
        CliRun run = CliRun.of(
                "migrate",
                "--components",
                components.toString(),
                "--no-progress",
                "--json",
                "--no-server-side-copy",
                "--bwlimit",
                "10M",
                "--prefix",
                "p");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(run.exitCode()).as(run.err()).isZero();
        MigrationSummary summary = MigrationSummary.fromJson(run.out().strip());
        assertThat(summary.bytesMigrated()).isEqualTo(30 * MIB);
        double rate = summary.bytesMigrated() / seconds / MIB;
        System.out.printf("--bwlimit 10M: %.2f MiB/s over %.2f s%n", rate, seconds);
        // the limiter allows one burst of 0.1 s beyond the rate, so 30 MiB cannot take less than 2.9 s: the rate
        // never exceeds 10 MiB/s by more than 10 %; a slow machine may fall short of it, which only the bench measures
        assertThat(rate).as("MiB/s").isLessThanOrEqualTo(11.0);
    }
}
