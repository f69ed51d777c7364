package com.atlan.storage.state.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** What the state server helpers share: skipping (or failing under CI) without a server, ports, processes. */
public final class TestServers {

    private TestServers() {}

    /**
     * {@code value} when the server could be had; otherwise the test is skipped with {@code reason}, or fails when
     * the environment sets {@code CI=true} (CI must never pass by skipping).
     */
    public static <T> T require(T value, String reason) {
        if (value != null) {
            return value;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + " (CI=true: a backend test must not be skipped)");
        }
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    /** A port nothing listened on a moment ago, on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result of a finished command: exit code and the tail of its output. */
    record Result(int exit, String output) {}

    /** Runs {@code command} (as {@code user} when we are root and it is given), waiting at most {@code seconds}. */
    static Result run(List<String> command, String asUser, Path log, int seconds)
            throws IOException, InterruptedException {
        List<String> full = asUser != null && isRoot()
                ? Stream.concat(Stream.of("runuser", "-u", asUser, "--"), command.stream())
                        .toList()
                : command;
        Process p = new ProcessBuilder(full)
                .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, tail(log) + " (timed out after " + seconds + " s)");
        }
        return new Result(p.exitValue(), tail(log));
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.length() > 600 ? "..." + text.substring(text.length() - 600) : text;
        } catch (IOException e) {
            return "(no output)";
        }
    }

    /** Deletes a folder tree, ignoring what cannot be deleted. */
    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the system cleans it eventually
        }
    }
}
