package com.atlan.storage.state.objectstore;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.state.SingleTypeStateProvider;
import com.atlan.storage.state.StateBackend;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;

/**
 * Serves {@value #TYPE} components: state as objects in the object store named by the metadata
 * {@value #STORE_FIELD} (default: the upstream store, {@code UPSTREAM_OBJECT_STORE_NAME}, where the Atlan SDK 2.8.7
 * kept its state).
 */
public final class ObjectStoreStateProvider extends SingleTypeStateProvider {

    /** The component type served (atlan-storage's own: Dapr has no state store on a binding). */
    public static final String TYPE = "state.objectstore";

    /** The metadata naming the object store component. */
    public static final String STORE_FIELD = "objectStore";

    /** A provider of {@value #TYPE} components. */
    public ObjectStoreStateProvider() {
        super(TYPE, null);
    }

    @Override
    protected StateBackend open(StoreSettings settings, StorageConfiguration configuration) {
        String store =
                settings.get(STORE_FIELD).orElse(configuration.storeNames().upstream());
        if (store.equals(settings.name())) {
            throw new StorageConfigException("component '" + settings.name() + "' (" + TYPE + ") names itself as its "
                    + STORE_FIELD + "; name an object store component");
        }
        return new ObjectStoreStateBackend(settings.name(), configuration.objectStore(store, 1));
    }
}
