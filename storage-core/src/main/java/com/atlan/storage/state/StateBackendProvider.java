package com.atlan.storage.state;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.store.StoreSettings;
import java.util.Set;

/**
 * Creates {@link StateBackend}s for Dapr state component types, as {@link com.atlan.storage.store.BackendProvider}
 * does for object stores. Backends register an implementation in
 * {@code META-INF/services/com.atlan.storage.state.StateBackendProvider}: adding a backend is adding a jar.
 * A provider owns its component's metadata and validates it.
 */
public interface StateBackendProvider {

    /** The Dapr component types served, for example {@code state.postgresql}. */
    Set<String> types();

    /**
     * Builds a store from a component's resolved settings. Opening may defer connecting to the first call, so a
     * server that is down shows as a {@link StateStoreException} from the first operation.
     *
     * @param configuration the configuration the component came from, for stores built on other components
     *                      (a state store on an object store)
     * @throws com.atlan.storage.store.StorageConfigException when a setting is missing or invalid; the message names it
     */
    StateBackend create(StoreSettings settings, StorageConfiguration configuration);
}
