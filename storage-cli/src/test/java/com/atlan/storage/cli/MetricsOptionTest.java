package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.testing.ComponentFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsOptionTest {

    @TempDir
    Path dir;

    Path components;
    Path destination;

    @BeforeEach
    void stores() throws IOException {
        components = Files.createDirectories(dir.resolve("components"));
        Path source = dir.resolve("deployment");
        destination = dir.resolve("upstream");
        ComponentFiles.localStore(components, "objectstore", source.toString());
        ComponentFiles.localStore(components, "upstream-objectstore", destination.toString());
        Files.createDirectories(source.resolve("p"));
        Files.writeString(source.resolve("p/a"), "1");
    }

    private CliRun migrateWith(String... metricsOptions) {
        java.util.List<String> args = new java.util.ArrayList<>(
                java.util.List.of("migrate", "--components", components.toString(), "--prefix", "p", "--no-progress"));
        args.addAll(java.util.List.of(metricsOptions));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aRunWithMetricsAnnouncesTheLoopbackUrlOnStderr() {
        CliRun run = migrateWith("--metrics-port", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("Metrics: http://127\\.0\\.0\\.1:[1-9][0-9]*/metrics");
        assertThat(destination.resolve("p/a")).hasContent("1");
    }

    @Test
    void anAddressThatCannotBeBoundIsAUsageErrorBeforeAnyCopy() {
        // 192.0.2.1 is TEST-NET-1: never an address of this machine
        CliRun run = migrateWith("--metrics-port", "0", "--metrics-address", "192.0.2.1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot serve metrics on 192.0.2.1:0");
        assertThat(destination.resolve("p/a")).doesNotExist();
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliRun run = CliRun.of("migrate", "--components", components.toString(), "--metrics-port", "70000");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--metrics-port must be between 0 and 65535");
    }
}
