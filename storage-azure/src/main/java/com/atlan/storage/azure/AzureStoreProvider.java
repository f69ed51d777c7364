package com.atlan.storage.azure;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendProvider;
import com.atlan.storage.store.Endpoints;
import com.atlan.storage.store.StoreLocation;
import com.atlan.storage.store.StoreSettings;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Serves Dapr components of type {@code bindings.azure.blobstorage}; see {@code docs/azure.md} for the metadata it
 * reads. Unknown metadata is logged and ignored.
 */
public final class AzureStoreProvider implements BackendProvider {

    @Override
    public Set<String> types() {
        return Set.of("bindings.azure.blobstorage");
    }

    @Override
    public Backend create(StoreSettings settings) {
        return new AzureBackend(settings.read(AzureStoreConfig.KNOWN, AzureStoreConfig::from));
    }

    /**
     * The container in its account's blob service, spelled canonically: scheme and host in lower case, the default
     * port explicit, every loopback name as one.
     */
    @Override
    public Optional<StoreLocation> location(StoreSettings settings) {
        AzureStoreConfig config = AzureStoreConfig.from(settings);
        URI url = URI.create(config.serviceUrl());
        String service = Endpoints.origin(url) + (url.getRawPath() == null ? "" : url.getRawPath());
        return Optional.of(StoreLocation.bucket("Azure", "container", service, config.container()));
    }
}
