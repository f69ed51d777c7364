package com.atlan.storage.azure;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendProvider;
import com.atlan.storage.store.StoreLocation;
import com.atlan.storage.store.StoreSettings;
import java.net.URI;
import java.util.List;
import java.util.Locale;
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
        Set<String> unknown = settings.unknownKeys(AzureStoreConfig.KNOWN);
        if (!unknown.isEmpty()) {
            LOG.warn("component '{}' ({}): ignoring unknown metadata {}", settings.name(), settings.type(), unknown);
        }
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
        String service = canonical(URI.create(config.serviceUrl()));
        return Optional.of(new StoreLocation(
                "azure " + service,
                List.of(config.container()),
                "Azure container '" + config.container() + "' at " + service));
    }

    static String canonical(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")) {
            host = "127.0.0.1";
        }
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return scheme + "://" + host + ":" + port + path;
    }
}
