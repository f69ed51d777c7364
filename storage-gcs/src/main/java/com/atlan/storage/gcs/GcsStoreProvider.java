package com.atlan.storage.gcs;

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
 * Serves Dapr components of type {@code bindings.gcp.bucket} and {@code bindings.gcs}; see {@code docs/gcs.md} for
 * the metadata it reads. Unknown metadata is logged and ignored.
 */
public final class GcsStoreProvider implements BackendProvider {

    private static final Logger LOG = LoggerFactory.getLogger(GcsStoreProvider.class);

    @Override
    public Set<String> types() {
        return Set.of("bindings.gcp.bucket", "bindings.gcs");
    }

    @Override
    public Backend create(StoreSettings settings) {
        Set<String> unknown = settings.unknownKeys(GcsStoreConfig.KNOWN);
        if (!unknown.isEmpty()) {
            LOG.warn("component '{}' ({}): ignoring unknown metadata {}", settings.name(), settings.type(), unknown);
        }
        GcsStoreConfig config = GcsStoreConfig.from(settings);
        LOG.debug("component '{}': {}", settings.name(), config);
        return new GcsBackend(config);
    }

    /** The bucket at its endpoint; bucket names are global on Google's own service. */
    @Override
    public Optional<StoreLocation> location(StoreSettings settings) {
        GcsStoreConfig config = GcsStoreConfig.from(settings);
        String where = config.endpoint() == null ? "Google" : canonical(URI.create(config.endpoint()));
        return Optional.of(new StoreLocation(
                "gcs " + where, List.of(config.bucket()), "GCS bucket '" + config.bucket() + "' at " + where));
    }

    private static String canonical(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")) {
            host = "127.0.0.1";
        }
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + host + ":" + port;
    }
}
