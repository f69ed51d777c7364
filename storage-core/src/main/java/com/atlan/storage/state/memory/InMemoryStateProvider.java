package com.atlan.storage.state.memory;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.state.SingleTypeStateProvider;
import com.atlan.storage.state.StateBackend;
import com.atlan.storage.store.StoreSettings;

/** Serves {@value #TYPE} components (the type the Atlan SDK's development setup writes); no metadata. */
public final class InMemoryStateProvider extends SingleTypeStateProvider {

    /** The Dapr component type served. */
    public static final String TYPE = "state.in-memory";

    /** A provider of {@value #TYPE} components. */
    public InMemoryStateProvider() {
        super(TYPE, null);
    }

    @Override
    protected StateBackend open(StoreSettings settings, StorageConfiguration configuration) {
        return InMemoryStateBackend.named(settings.name());
    }
}
