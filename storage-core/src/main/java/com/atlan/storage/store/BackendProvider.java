package com.atlan.storage.store;

import java.util.Optional;
import java.util.Set;

/**
 * Creates {@link Backend}s for Dapr component types. Backends register an implementation in
 * {@code META-INF/services/com.atlan.storage.store.BackendProvider}: adding a backend is adding a jar.
 * A provider owns its component's metadata: it validates it and knows where the store lives; configuration
 * knows no backend's fields.
 */
public interface BackendProvider {

    /** The Dapr component types served, for example {@code bindings.aws.s3}. */
    Set<String> types();

    /**
     * Builds a store from a component's resolved settings.
     *
     * @throws StorageConfigException when a setting is missing or invalid; the message names it
     */
    Backend create(StoreSettings settings);

    /**
     * Where a store with these settings keeps its objects, computed without connecting; empty when the settings
     * do not say (a default endpoint that cannot be known offline). Used to refuse migrating a store onto itself.
     *
     * @throws StorageConfigException when the settings are invalid
     */
    default Optional<StoreLocation> location(StoreSettings settings) {
        return Optional.empty();
    }
}
