package com.atlan.storage.cli;

import com.atlan.storage.testing.ComponentFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setting of the CLI tests on local folders: in a fresh folder, {@code components/} holds {@code objectstore}
 * over {@code deployment/} and {@code upstream-objectstore} over {@code upstream/}, the names the CLI uses when none
 * is given.
 */
abstract class LocalStoresTestBase {

    @TempDir
    Path dir;

    Path components;
    Path source;
    Path destination;

    @BeforeEach
    void localStores() throws IOException {
        components = Files.createDirectories(dir.resolve("components"));
        source = dir.resolve("deployment");
        destination = dir.resolve("upstream");
        ComponentFiles.localStore(components, "objectstore", source.toString());
        ComponentFiles.localStore(components, "upstream-objectstore", destination.toString());
    }

    /** Writes the object {@code key} with {@code content} into the store folder {@code root}. */
    static void write(Path root, String key, String content) throws IOException {
        Path file = root.resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** Adds a SQLite state store ({@code statestore}) in {@code state/statestore.db}. */
    void writeStateStore() {
        ComponentFiles.stateStore(
                components,
                "state.sqlite",
                Map.of("connectionString", dir.resolve("state/statestore.db").toString()));
    }
}
