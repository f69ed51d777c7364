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
 * Warnings reach stderr at default verbosity, one short line each, and {@code -q} silences them (issue 11, item 9).
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
