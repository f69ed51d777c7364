package com.atlan.storage.faultruns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real command line, {@code bin/atlan-storage}, as its own process (the launcher, its JVM options and exit
 * codes included), from a scratch working folder so that nothing lands in the repository.
 *
 * @param exitCode the process's exit code
 * @param out      its stdout
 * @param err      its stderr
 */
record Launcher(int exitCode, String out, String err) {

    /** The repository's launcher: this module lives two folders below the root. */
    static Path path() {
        Path launcher =
                Path.of("").toAbsolutePath().resolve("../../bin/atlan-storage").normalize();
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no launcher at " + launcher);
        }
        return launcher;
    }

    static Launcher run(Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(path().toString());
        command.addAll(List.of(args));
        Path out = workingDir.resolve("launcher.out");
        Path err = workingDir.resolve("launcher.err");
        Process process = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the launcher did not finish in 20 minutes: " + command);
        }
        return new Launcher(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The last lines of stderr, for a log line. */
    String errTail() {
        String e = err.strip();
        return e.length() > 500 ? "..." + e.substring(e.length() - 500) : e;
    }
}
