package com.atlan.storage.s3;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * Starting and stopping the S3 servers that run as processes of their own (S3Mock, s3rver): where their packages are,
 * waiting for the line that says where they listen, and stopping them when the test JVM ends. A server that cannot be
 * had skips its tests with the reason, except under {@code CI=true}, where that fails them.
 */
final class ExternalServers {

    private ExternalServers() {}

    /** The repository's root: the nearest folder above the working directory holding {@code mvnw}. */
    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null)
            throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
        return dir;
    }

    /** Skips the calling test (fails it under CI) because a server could not be had. */
    static RuntimeException unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason);
        }
        Assumptions.abort(reason);
        return new IllegalStateException(reason); // not reached
    }

    /**
     * Starts {@code command} and waits until a line of its output matches {@code ready}; returns that line. The
     * process is destroyed when the JVM exits.
     */
    static String start(ProcessBuilder command, Predicate<String> ready, Duration timeout, Process[] started)
            throws IOException, InterruptedException {
        command.redirectErrorStream(true);
        Process process = command.start();
        started[0] = process;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
        StringBuilder seen = new StringBuilder();
        String[] match = new String[1];
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (seen) {
                        if (seen.length() < 20_000) seen.append(line).append('\n');
                        if (match[0] == null && ready.test(line)) {
                            match[0] = line;
                            seen.notifyAll();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (seen) {
            while (match[0] == null && process.isAlive() && System.nanoTime() < deadline) {
                seen.wait(200);
            }
            if (match[0] == null) {
                stop(process);
                reader.interrupt();
                throw new IOException(String.join(" ", command.command()) + " did not start:\n" + seen);
            }
            return match[0];
        }
    }

    static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a command to its end; true when it exited 0. */
    static boolean run(List<String> command, Path dir, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = builder.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }
}
