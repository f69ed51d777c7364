package com.atlan.storage.testing;

import com.atlan.storage.store.ObjectStore;
import com.atlan.storage.store.ObjectStoreProvider;
import com.atlan.storage.store.StoreSettings;
import java.util.Set;

/** Serves the made-up component type {@value #TYPE} with {@link MemoryObjectStore}s, for tests. */
public final class MemoryStoreProvider implements ObjectStoreProvider {

    /** The component type this provider serves. */
    public static final String TYPE = "bindings.test.memory";

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public ObjectStore create(StoreSettings settings) {
        return new MemoryObjectStore(settings.name());
    }
}
