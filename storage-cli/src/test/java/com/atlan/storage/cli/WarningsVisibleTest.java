package com.atlan.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.testing.ComponentFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings reach stderr at default verbosity, one short line each, and {@code -q} silences them (issue 11, item 9);
 * the reason a run stopped is printed once.
 * Runs the command line in a child JVM: its logging set-up is the one a user gets, not the test JVM's.
 */
class WarningsVisibleTest {

    @TempDir
    Path dir;

    Path components;

    @BeforeEach
    void components() throws IOException {
        components = Files.createDirectories(dir.resolve("components"));
        ComponentFiles.localStore(
                components, "objectstore", dir.resolve("no-such-folder").toString());
        ComponentFiles.localStore(
                components, "upstream-objectstore", dir.resolve("upstream").toString());
    }

    @Test
    void aMissingSourceFolderIsNamedInAWarningAtDefaultVerbosity() throws Exception {
        Child run = migrate();

        assertThat(run.exitCode).isZero();
        assertThat(run.err)
                .as("one short warning line naming the folder, without timestamps or logger names")
                .containsPattern("(?m)^warning: objectstore reads the folder .*no-such-folder, which does not exist")
                .doesNotContain("LocalBackend");
        assertThat(run.out).doesNotContain("warning");
    }

    @Test
    void quietSilencesWarnings() throws Exception {
        Child run = migrate("-q");

        assertThat(run.exitCode).isZero();
        assertThat(run.err).doesNotContain("warning");
    }

    @Test
    void verboseShowsTheWarningWithItsLogger() throws Exception {
        Child run = migrate("-v");

        assertThat(run.err).containsPattern("WARN +LocalBackend - objectstore reads the folder");
    }

    @Test
    void aRunThatStopsSaysWhyOnce() throws Exception {
        Path source = Files.createDirectories(dir.resolve("source"));
        Path upstream = dir.resolve("upstream");
        for (int i = 0; i < 30; i++) {
            Files.writeString(source.resolve(String.format("o%02d", i)), "object " + i);
            // a folder where the destination needs a file fails the object for good
            Files.createDirectories(upstream.resolve(String.format("o%02d/occupied", i)));
        }
        ComponentFiles.localStore(components, "objectstore", source.toString());

        Child run = migrate("--max-failure-rate", "0.1", "--concurrency", "1", "--max-attempts", "1");

        assertThat(run.exitCode).as(run.err).isEqualTo(2);
        assertThat(run.err.lines().filter(line -> line.contains("exceeds the limit")))
                .as(run.err)
                .singleElement()
                .asString()
                .startsWith("error: ");
    }

    private static Path cliLogbackXml() throws Exception {
        Path classes = Path.of(AtlanStorageCli.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path xml = classes.resolve("logback.xml");
        assertThat(xml).as("the CLI's logback.xml next to its classes").exists();
        return xml;
    }

    private record Child(int exitCode, String out, String err) {}

    private Child migrate(String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                // the CLI's own logging set-up, not a test-jar's logback-test.xml on the test class path
                "-Dlogback.configurationFile=" + cliLogbackXml(),
                "-cp",
                System.getProperty("java.class.path"),
                AtlanStorageCli.class.getName(),
                "migrate",
                "--components=" + components,
                "--no-progress"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("child.out").toFile())
                .redirectError(dir.resolve("child.err").toFile());
        builder.environment().remove("ATLAN_STORAGE_LOG_LEVEL");
        Process child = builder.start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS))
                .as("the child JVM ended")
                .isTrue();
        return new Child(
                child.exitValue(),
                Files.readString(dir.resolve("child.out")),
                Files.readString(dir.resolve("child.err")));
    }
}
