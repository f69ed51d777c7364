package com.atlan.storage.testing;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendProvider;
import com.atlan.storage.store.StoreSettings;
import java.util.Set;

/** Serves the made-up component type {@value #TYPE} with {@link MemoryBackend}s, for tests. */
public final class MemoryStoreProvider implements BackendProvider {

    /** The component type this provider serves. */
    public static final String TYPE = "bindings.test.memory";

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public Backend create(StoreSettings settings) {
        return new MemoryBackend(settings.name());
    }
}
