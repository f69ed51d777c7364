package com.atlan.storage.gcs;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendProvider;
import com.atlan.storage.store.Endpoints;
import com.atlan.storage.store.StoreLocation;
import com.atlan.storage.store.StoreSettings;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Serves Dapr components of type {@code bindings.gcp.bucket} and {@code bindings.gcs}; see {@code docs/gcs.md} for
 * the metadata it reads. Unknown metadata is logged and ignored.
 */
public final class GcsStoreProvider implements BackendProvider {

    @Override
    public Set<String> types() {
        return Set.of("bindings.gcp.bucket", "bindings.gcs");
    }

    @Override
    public Backend create(StoreSettings settings) {
        return new GcsBackend(settings.read(GcsStoreConfig.KNOWN, GcsStoreConfig::from));
    }

    /** The bucket at its endpoint; bucket names are global on Google's own service. */
    @Override
    public Optional<StoreLocation> location(StoreSettings settings) {
        GcsStoreConfig config = GcsStoreConfig.from(settings);
        String where = config.endpoint() == null ? "Google" : Endpoints.origin(URI.create(config.endpoint()));
        return Optional.of(StoreLocation.bucket("GCS", "bucket", where, config.bucket()));
    }
}
