package com.atlan.storage.s3;

import com.atlan.storage.store.ObjectStore;
import com.atlan.storage.store.ObjectStoreProvider;
import com.atlan.storage.store.StoreSettings;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Dapr components of type {@code bindings.aws.s3} and {@code bindings.s3}; see {@code docs/s3.md}
 * for the metadata it reads. Unknown metadata is logged and ignored.
 */
public final class S3StoreProvider implements ObjectStoreProvider {

    private static final Logger LOG = LoggerFactory.getLogger(S3StoreProvider.class);

    @Override
    public Set<String> types() {
        return Set.of("bindings.aws.s3", "bindings.s3");
    }

    @Override
    public ObjectStore create(StoreSettings settings) {
        Set<String> unknown = settings.unknownKeys(S3StoreConfig.KNOWN);
        if (!unknown.isEmpty()) {
            LOG.warn("component '{}' ({}): ignoring unknown metadata {}", settings.name(), settings.type(), unknown);
        }
        S3StoreConfig config = S3StoreConfig.from(settings, System::getenv);
        LOG.debug("component '{}': {}", settings.name(), config);
        return new S3ObjectStore(config);
    }
}
