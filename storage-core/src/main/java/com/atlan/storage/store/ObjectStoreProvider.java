package com.atlan.storage.store;

import java.util.Set;

/**
 * Creates {@link ObjectStore}s for Dapr component types. Backends register implementations in
 * {@code META-INF/services/com.atlan.storage.store.ObjectStoreProvider}.
 */
public interface ObjectStoreProvider {

    /** The Dapr component types served, for example {@code bindings.aws.s3}. */
    Set<String> types();

    /**
     * Builds a store from a component's resolved settings.
     *
     * @throws StorageConfigException when a setting is missing or invalid; the message names it
     */
    ObjectStore create(StoreSettings settings);
}
