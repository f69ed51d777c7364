package com.atlan.storage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A training run for class data sharing: the launcher runs this once per build with
 * {@code -XX:ArchiveClassesAtExit}, so the classes of a typical run (the CLI, the engine, the local and S3
 * backends) are archived and later runs start with about half the CPU. It migrates two files between local
 * folders, then lists an S3 store at a closed loopback port (which fails at once); nothing leaves the machine.
 */
final class CdsTraining {

    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("atlan-storage-cds-");
        try {
            Path components = Files.createDirectories(dir.resolve("components"));
            component(
                    components, "objectstore", "bindings.localstorage", "rootPath: \"" + dir.resolve("source") + "\"");
            component(
                    components,
                    "upstream-objectstore",
                    "bindings.localstorage",
                    "rootPath: \"" + dir.resolve("target") + "\"");
            // Checkpoints and the job lock go here, not to ./local/dapr/statestore.db in the user's working directory.
            component(
                    components, "statestore", "state.sqlite", "connectionString: \"" + dir.resolve("state.db") + "\"");
            component(
                    components,
                    "s3-training",
                    "bindings.aws.s3",
                    "bucket: training",
                    "region: us-east-1",
                    "endpoint: http://127.0.0.1:1",
                    "forcePathStyle: \"true\"",
                    "accessKey: training",
                    "secretKey: training",
                    "maxRetries: \"0\"");
            Files.createDirectories(dir.resolve("source/train"));
            Files.writeString(dir.resolve("source/train/a.json"), "{}");
            Files.writeString(dir.resolve("source/train/b.bin"), "b");
            String folder = "--components=" + components;
            expect(AtlanStorageCli.OK, "migrate", folder, "--no-progress", "--json");
            expect(AtlanStorageCli.OK, "migrate", folder, "--no-progress");
            expect(AtlanStorageCli.OK, "verify", folder, "--json");
            // nothing listens on port 1: the S3 client's classes load, the listing fails at once
            expect(
                    AtlanStorageCli.ERROR,
                    "migrate",
                    folder,
                    "--no-progress",
                    "--destination",
                    "s3-training",
                    "--max-attempts",
                    "1");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Runs the command line and fails unless it exits with {@code expected}: a training run that trains on a usage
     * error (a renamed option, say) would archive the wrong classes without anyone noticing.
     */
    static void expect(int expected, String... args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        int code = AtlanStorageCli.run(args, nowhere, nowhere);
        if (code != expected) {
            throw new IllegalStateException(
                    "training step " + String.join(" ", args) + " exited " + code + ", expected " + expected);
        }
    }

    private static void component(Path folder, String name, String type, String... metadata) throws IOException {
        StringBuilder yaml = new StringBuilder("apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: ")
                .append(name)
                .append("\nspec:\n  type: ")
                .append(type)
                .append("\n  version: v1\n  metadata:\n");
        for (String entry : metadata) {
            int colon = entry.indexOf(": ");
            yaml.append("    - name: ")
                    .append(entry, 0, colon)
                    .append("\n      value: ")
                    .append(entry.substring(colon + 2))
                    .append('\n');
        }
        Files.writeString(folder.resolve(name + ".yaml"), yaml);
    }
}
