package com.atlan.storage.store.local;

import com.atlan.storage.store.ObjectStore;
import com.atlan.storage.store.ObjectStoreProvider;
import com.atlan.storage.store.StoreSettings;
import java.nio.file.Path;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves {@code bindings.localstorage}: metadata {@code rootPath} (default {@code ./objectstore}). */
public final class LocalStoreProvider implements ObjectStoreProvider {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStoreProvider.class);
    private static final Set<String> KNOWN = Set.of("rootPath", "ignoreErrors");

    @Override
    public Set<String> types() {
        return Set.of("bindings.localstorage", "bindings.local.storage");
    }

    @Override
    public ObjectStore create(StoreSettings settings) {
        Set<String> unknown = settings.unknownKeys(KNOWN);
        if (!unknown.isEmpty()) {
            LOG.warn("component '{}' ({}): ignoring unknown metadata {}", settings.name(), settings.type(), unknown);
        }
        Path root = settings.baseDir()
                .resolve(settings.get("rootPath").orElse("./objectstore"))
                .normalize();
        return new LocalObjectStore(settings.name(), root);
    }
}
