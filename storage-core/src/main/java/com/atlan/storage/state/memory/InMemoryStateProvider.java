package com.atlan.storage.state.memory;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.state.StateBackend;
import com.atlan.storage.state.StateBackendProvider;
import com.atlan.storage.store.StoreSettings;
import java.util.Set;

/** Serves {@value #TYPE} components (the type the Atlan SDK's development setup writes); no metadata. */
public final class InMemoryStateProvider implements StateBackendProvider {

    /** The Dapr component type served. */
    public static final String TYPE = "state.in-memory";

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public StateBackend create(StoreSettings settings, StorageConfiguration configuration) {
        return InMemoryStateBackend.named(settings.name());
    }
}
