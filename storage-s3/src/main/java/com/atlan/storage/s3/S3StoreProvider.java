package com.atlan.storage.s3;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.BackendProvider;
import com.atlan.storage.store.Endpoints;
import com.atlan.storage.store.StoreLocation;
import com.atlan.storage.store.StoreSettings;
import java.util.Optional;
import java.util.Set;

/**
 * Serves Dapr components of type {@code bindings.aws.s3} and {@code bindings.s3}; see {@code docs/s3.md}
 * for the metadata it reads. Unknown metadata is logged and ignored.
 */
public final class S3StoreProvider implements BackendProvider {

    @Override
    public Set<String> types() {
        return Set.of("bindings.aws.s3", "bindings.s3");
    }

    @Override
    public Backend create(StoreSettings settings) {
        return new S3Backend(settings.read(S3StoreConfig.KNOWN, s -> S3StoreConfig.from(s, System::getenv)));
    }

    /**
     * The bucket at its endpoint, spelled canonically: scheme and host in lower case, the default port made
     * explicit, and every loopback name ({@code localhost}, {@code 127.0.0.1}, {@code ::1}) as one. Buckets on AWS
     * itself (no endpoint) share one namespace across regions.
     */
    @Override
    public Optional<StoreLocation> location(StoreSettings settings) {
        S3StoreConfig config = S3StoreConfig.from(settings, System::getenv);
        String endpoint = config.endpoint() == null ? "AWS" : Endpoints.origin(config.endpoint());
        return Optional.of(StoreLocation.bucket("S3", "bucket", endpoint, config.bucket()));
    }
}
