package com.atlan.storage.services;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.testing.ComponentFiles;
import com.atlan.storage.testing.FaultyStoreProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An application's setup for the class-method calls: local-folder stores {@code objectstore} and
 * {@code upstream-objectstore} described by component files, a temporary (staging) folder, all under one test
 * folder, installed as {@link StorageContext}'s configuration until {@link #close()}. As a JUnit extension
 * ({@code @RegisterExtension SdkStores stores = new SdkStores();}) each test gets its own folder and installation.
 */
final class SdkStores implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    static final String DEPLOYMENT = "objectstore";
    static final String UPSTREAM = "upstream-objectstore";

    Path dir;
    Path components;
    Path temporaryRoot;
    StorageConfiguration configuration;

    /** Stores created in a folder of their own before each test (as an extension). */
    SdkStores() {}

    /** The two local stores under {@code dir}, installed. */
    static SdkStores create(Path dir) {
        return new SdkStores().createIn(dir);
    }

    private SdkStores createIn(Path folder) {
        dir = folder;
        components = dir.resolve("components");
        temporaryRoot = dir.resolve("local/tmp");
        ComponentFiles.localStore(components, DEPLOYMENT, "./stores/" + DEPLOYMENT);
        ComponentFiles.localStore(components, UPSTREAM, "./stores/" + UPSTREAM);
        return install();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        createIn(Files.createTempDirectory("sdk-stores-"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }

    /** Replaces (or adds) component {@code name} with a local folder failing as {@code faults} say, and reinstalls. */
    SdkStores faulty(String name, Map<String, String> faults) {
        ComponentFiles.write(components, name, FaultyStoreProvider.component(name, "./stores/" + name, faults));
        return install();
    }

    private SdkStores install() {
        configuration = StorageConfiguration.load(
                Optional.of(components), Map.of("ATLAN_TEMPORARY_PATH", temporaryRoot.toString()), dir);
        StorageContext.use(configuration);
        return this;
    }

    /** The folder holding store {@code name}'s objects. */
    Path root(String name) {
        return dir.resolve("stores").resolve(name);
    }

    /** Writes an object straight into store {@code name}'s folder, as another process would have. */
    void seed(String name, String key, String content) {
        write(root(name).resolve(key), content);
    }

    /** Writes a file into the temporary folder, where an SDK application stages its output. */
    Path staged(String relative, String content) {
        return write(temporaryRoot.resolve(relative), content);
    }

    /** The staging path of {@code relative}, as the SDK's code spells it ({@code TEMPORARY_PATH + relative}). */
    String stagingPath(String relative) {
        return temporaryRoot + "/" + relative;
    }

    static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        StorageContext.reset();
    }
}
