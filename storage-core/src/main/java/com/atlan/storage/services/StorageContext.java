package com.atlan.storage.services;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.config.StoreNames;
import com.atlan.storage.store.StoreKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration the class-method (static) calls of {@link ObjectStore} and {@link AtlanStorage} use, as the
 * SDK's services use the process's Dapr components: loaded from the environment on first use
 * ({@link StorageConfiguration#load()}), or set once at start-up with {@link #use}, as v3's
 * {@code set_infrastructure()} does. Stores are opened on first use and kept open for the process, so a loop of
 * calls does not reconnect per call. Thread-safe.
 */
public final class StorageContext {

    private static final Object LOCK = new Object();
    private static StorageConfiguration configuration;
    private static final Map<String, ObjectStore> STORES = new HashMap<>();

    private StorageContext() {}

    /** The configuration in use: the one given to {@link #use}, else loaded from the environment now. */
    public static StorageConfiguration configuration() {
        synchronized (LOCK) {
            if (configuration == null) {
                configuration = StorageConfiguration.load();
            }
            return configuration;
        }
    }

    /** The store names in use ({@code DEPLOYMENT_OBJECT_STORE_NAME}, {@code UPSTREAM_OBJECT_STORE_NAME}...). */
    public static StoreNames storeNames() {
        return configuration().storeNames();
    }

    /**
     * Makes the class-method calls use {@code newConfiguration} from now on and closes the stores opened under
     * the previous one. Call it at start-up: a call running meanwhile may fail with a closed store.
     */
    public static void use(StorageConfiguration newConfiguration) {
        Objects.requireNonNull(newConfiguration, "configuration");
        replace(newConfiguration);
    }

    /** Closes the open stores and forgets the configuration; the next call loads the environment again. */
    public static void reset() {
        replace(null);
    }

    /** The shared operations on {@code storeName} (opened on first use). */
    static ObjectStore objectStore(String storeName) {
        Objects.requireNonNull(storeName, "storeName");
        synchronized (LOCK) {
            StorageConfiguration current = configuration();
            return STORES.computeIfAbsent(storeName, name -> new ObjectStore(current, name));
        }
    }

    /** The key rules of the configuration in use, or the environment's when none is loaded yet (loads nothing). */
    static StoreKeys storeKeys() {
        synchronized (LOCK) {
            return configuration == null ? StoreKeys.defaults() : configuration.storeKeys();
        }
    }

    private static void replace(StorageConfiguration next) {
        List<ObjectStore> open;
        synchronized (LOCK) {
            configuration = next;
            open = new ArrayList<>(STORES.values());
            STORES.clear();
        }
        open.forEach(ObjectStore::close);
    }
}
