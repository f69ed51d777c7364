package com.atlan.storage.temporal;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.testing.ComponentFiles;
import com.atlan.storage.testing.FaultyStoreProvider;
import com.atlan.storage.testing.SlowLocalStoreProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A worker's stores over local folders under one directory, as component files: {@code objectstore} (./source),
 * {@code upstream-objectstore} (./upstream), {@code single} (./single, the destination of single-machine runs to
 * compare with), {@code faulty-source} (./source, reads of keys containing "bad" fail) and {@code slow-source}
 * (./source, each read waits 40 ms, so shards are still running when a test acts), and a SQLite state store.
 */
final class LocalStores {

    final Path dir;
    final Path components;

    LocalStores(Path dir) {
        this.dir = dir;
        this.components = dir.resolve("components");
        ComponentFiles.localStore(components, "objectstore", "./source");
        ComponentFiles.localStore(components, "upstream-objectstore", "./upstream");
        ComponentFiles.localStore(components, "single", "./single");
        ComponentFiles.stateStore(
                components,
                "state.sqlite",
                Map.of("connectionString", dir.resolve("state.db").toString()));
        ComponentFiles.write(
                components,
                "faulty-source",
                FaultyStoreProvider.component("faulty-source", "./source", Map.of("failReadsOf", "bad")));
        ComponentFiles.write(
                components,
                "slow-source",
                ComponentFiles.yaml(
                        "slow-source", SlowLocalStoreProvider.TYPE, Map.of("rootPath", "./source", "openMs", "40")));
    }

    /** The configuration a worker loads from the components folder, with {@code env}. */
    StorageConfiguration configuration(Map<String, String> env) {
        return StorageConfiguration.load(java.util.Optional.of(components), env, dir);
    }

    StorageConfiguration configuration() {
        return configuration(Map.of());
    }

    /** Writes {@code folders} folders of {@code perFolder} objects under {@code prefix} in the source folder. */
    void writeObjects(String prefix, int folders, int perFolder) {
        for (int f = 0; f < folders; f++) {
            for (int i = 0; i < perFolder; i++) {
                write(
                        prefix + "part-" + f + "/obj-" + String.format("%04d", i) + ".json",
                        "{\"f\":" + f + ",\"i\":" + i + "}");
            }
        }
    }

    void write(String key, String content) {
        try {
            Path file = dir.resolve("source").resolve(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code folder} (relative path to content). */
    Map<String, String> tree(String folder) {
        Path root = dir.resolve(folder);
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .forEach(p -> files.put(root.relativize(p).toString().replace('\\', '/'), read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
