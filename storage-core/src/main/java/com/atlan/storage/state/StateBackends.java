package com.atlan.storage.state;

import com.atlan.storage.config.Component;
import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.state.sqlite.SqliteStateBackend;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StorageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@link StateBackend}s through the {@link StateBackendProvider} registered for a component's type, and the
 * embedded default: a SQLite file at {@value #DEFAULT_DATABASE} under the working directory, used when no state
 * store component is configured.
 */
public final class StateBackends {

    /** The embedded default state store, relative to the working directory (the Atlan SDK's local layout). */
    public static final String DEFAULT_DATABASE = "./local/dapr/statestore.db";

    private static final Logger LOG = LoggerFactory.getLogger(StateBackends.class);

    /** Which module serves which state type: only for the "add a jar" hint of an error message. */
    private static final Map<String, String> MODULES = Map.of(
            "state.sqlite", "storage-core",
            "state.in-memory", "storage-core",
            "state.objectstore", "storage-core",
            "state.postgresql", "storage-state",
            "state.redis", "storage-state");

    private static final AtomicBoolean DEFAULT_ANNOUNCED = new AtomicBoolean();
    private static volatile Map<String, StateBackendProvider> providers;

    private StateBackends() {}

    /**
     * The state store {@code STATE_STORE_NAME} names, or the embedded default when no component has that name.
     *
     * @throws StorageConfigException when the component's type is not served or its metadata is invalid
     * @throws StateStoreException    when the default database cannot be opened
     */
    public static StateBackend open(StorageConfiguration configuration) {
        String name = configuration.storeNames().state();
        if (!configuration.components().containsKey(name)) {
            return openDefault(
                    configuration,
                    "no state store component '" + name + "' in "
                            + configuration.location().describe());
        }
        return open(configuration, name);
    }

    /**
     * The state store of component {@code name}. Servers are contacted on first use, not here.
     *
     * @throws StorageConfigException when there is no such component, no backend serves its type (the message lists
     *                                the types served and the jar that adds the one asked for) or a setting is invalid
     */
    public static StateBackend open(StorageConfiguration configuration, String name) {
        Component component = configuration.component(name);
        StateBackendProvider provider = providers().get(component.type());
        if (provider == null) {
            throw new StorageConfigException(component.describe() + ": no state store backend serves type '"
                    + component.type() + "'. " + hint(component.type()) + " Supported state store types: "
                    + types() + ".");
        }
        try {
            return provider.create(configuration.storeSettings(name, 1), configuration);
        } catch (StorageException | StateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StorageConfigException(
                    name,
                    component.describe() + ": the " + component.type() + " backend cannot open it: " + e.getMessage(),
                    e);
        }
    }

    /**
     * The embedded default state store: SQLite at {@value #DEFAULT_DATABASE} under the configuration's working
     * directory. The first use in a process says so at info level, with {@code why}.
     */
    public static StateBackend openDefault(StorageConfiguration configuration, String why) {
        Path file = configuration.workingDir().resolve(DEFAULT_DATABASE).normalize();
        if (DEFAULT_ANNOUNCED.compareAndSet(false, true)) {
            LOG.info("{}: state and checkpoints go to the embedded default SQLite file {}", why, file);
        }
        return SqliteStateBackend.open(
                configuration.storeNames().state(), file, SqliteStateBackend.DEFAULT_TABLE, Duration.ofSeconds(20));
    }

    /** Whether some registered backend serves {@code type}. */
    public static boolean serves(String type) {
        return providers().containsKey(type);
    }

    /** The component types some registered backend serves, sorted. */
    public static Set<String> types() {
        return Collections.unmodifiableSet(new java.util.TreeSet<>(providers().keySet()));
    }

    private static String hint(String type) {
        String module = MODULES.get(type);
        if (module != null) {
            return "Add the com.atlan.storage:" + module + " jar to the classpath; it registers " + type + ".";
        }
        if (type.startsWith("bindings.")) {
            return "'" + type + "' is an object store; for state kept in it use type state.objectstore with metadata"
                    + " objectStore naming it.";
        }
        return "";
    }

    private static Map<String, StateBackendProvider> providers() {
        Map<String, StateBackendProvider> p = providers;
        if (p == null) {
            Map<String, StateBackendProvider> found = new TreeMap<>();
            for (StateBackendProvider provider : ServiceLoader.load(StateBackendProvider.class)) {
                provider.types().forEach(type -> found.putIfAbsent(type, provider));
            }
            LOG.debug("state store backends: {}", found.keySet());
            providers = p = Collections.unmodifiableMap(found);
        }
        return p;
    }
}
