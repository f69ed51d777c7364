package com.atlan.storage.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a main class of the test classpath in a JVM of its own, with its own environment and working directory. */
public final class ChildJvm {

    private ChildJvm() {}

    /**
     * Starts {@code mainClass} with {@code args}; {@code env} is added to this process's environment (minus the
     * variables that would point it at another configuration); stderr goes to {@code stderr}.
     */
    public static Process start(
            Class<?> mainClass, List<String> args, Map<String, String> env, Path workDir, Path stderr)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectError(stderr.toFile());
        for (String variable : List.of(
                "ATLAN_STORAGE_COMPONENTS",
                "STATE_STORE_NAME",
                "DEPLOYMENT_OBJECT_STORE_NAME",
                "UPSTREAM_OBJECT_STORE_NAME",
                "ATLAN_APPLICATION_NAME",
                "ATLAN_TEMPORARY_PATH")) {
            builder.environment().remove(variable);
        }
        builder.environment().putAll(env);
        return builder.start();
    }
}
