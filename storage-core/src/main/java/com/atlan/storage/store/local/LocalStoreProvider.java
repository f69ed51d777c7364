package com.atlan.storage.store.local;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendProvider;
import com.atlan.storage.store.StoreLocation;
import com.atlan.storage.store.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Serves {@code bindings.localstorage}: metadata {@code rootPath} (required, as Dapr requires it; relative paths
 * resolve against the working directory).
 */
public final class LocalStoreProvider implements BackendProvider {

    private static final Set<String> KNOWN = Set.of("rootPath", "ignoreErrors");

    @Override
    public Set<String> types() {
        return Set.of("bindings.localstorage", "bindings.local.storage");
    }

    @Override
    public Backend create(StoreSettings settings) {
        settings.warnUnknown(KNOWN);
        return new LocalBackend(settings.name(), root(settings));
    }

    /** The root folder with the symbolic links of its existing part resolved: two spellings of one folder agree. */
    @Override
    public Optional<StoreLocation> location(StoreSettings settings) {
        Path root = canonical(root(settings));
        List<String> segments = new ArrayList<>();
        root.forEach(p -> segments.add(p.toString()));
        return Optional.of(new StoreLocation("file", segments, "the folder " + root));
    }

    private static Path root(StoreSettings settings) {
        return settings.baseDir().resolve(settings.require("rootPath")).normalize();
    }

    private static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
