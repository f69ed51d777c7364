package com.atlan.storage.temporal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Child JVMs of a test, on the test's classpath, their output in files (a full pipe would stall them). */
public final class Processes implements AutoCloseable {

    private final List<Process> started = new ArrayList<>();

    /** Starts {@code mainClass} with {@code args}, its stdout and stderr going to {@code log}. */
    public Process start(String mainClass, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        for (String variable :
                List.of("ATLAN_STORAGE_COMPONENTS", "DEPLOYMENT_OBJECT_STORE_NAME", "UPSTREAM_OBJECT_STORE_NAME")) {
            builder.environment().remove(variable);
        }
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Whether {@code pid} is one of the processes this started (the only ones a test may kill). */
    boolean owns(long pid) {
        return started.stream().anyMatch(p -> p.pid() == pid);
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : started) {
            p.destroyForcibly();
        }
        for (Process p : started) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
