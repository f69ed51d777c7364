package com.atlan.storage.azure;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendProvider;
import com.atlan.storage.store.Endpoints;
import com.atlan.storage.store.StoreLocation;
import com.atlan.storage.store.StoreSettings;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Dapr components of type {@code bindings.azure.blobstorage}; see {@code docs/azure.md} for the metadata it
 * reads. Unknown metadata is logged and ignored.
 */
public final class AzureStoreProvider implements BackendProvider {

    private static final Logger LOG = LoggerFactory.getLogger(AzureStoreProvider.class);

    @Override
    public Set<String> types() {
        return Set.of("bindings.azure.blobstorage");
    }

    @Override
    public Backend create(StoreSettings settings) {
        settings.warnUnknown(AzureStoreConfig.KNOWN);
        AzureStoreConfig config = AzureStoreConfig.from(settings);
        LOG.debug("component '{}': {}", settings.name(), config);
        return new AzureBackend(config);
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
        return Optional.of(new StoreLocation(
                "azure " + service,
                List.of(config.container()),
                "Azure container '" + config.container() + "' at " + service));
    }
}
