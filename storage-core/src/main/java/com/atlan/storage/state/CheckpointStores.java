package com.atlan.storage.state;

import com.atlan.storage.config.Component;
import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.store.StorageConfigException;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the {@link CheckpointStore} a configuration's state store component describes. */
public final class CheckpointStores {

    /** The Dapr component type served here. */
    public static final String SQLITE_TYPE = "state.sqlite";

    private CheckpointStores() {}

    /**
     * The checkpoint store of the component named by {@code STATE_STORE_NAME}, or empty when there is no
     * such component.
     *
     * @throws StorageConfigException when the component exists but is not {@value #SQLITE_TYPE} or has no
     *                                {@code connectionString}
     */
    public static Optional<CheckpointStore> open(StorageConfiguration configuration) {
        String name = configuration.storeNames().state();
        if (!configuration.components().containsKey(name)) {
            return Optional.empty();
        }
        Component component = configuration.component(name);
        if (!component.type().equals(SQLITE_TYPE)) {
            throw new StorageConfigException(component.describe() + ": checkpoints need a " + SQLITE_TYPE
                    + " state store for now; other state store types come with the StateStore service");
        }
        String connection = configuration.storeSettings(name, 1).require("connectionString");
        return Optional.of(SqliteCheckpointStore.open(configuration.workingDir().resolve(databaseFile(connection))));
    }

    /** The file a Dapr SQLite {@code connectionString} names: {@code file:} prefix and {@code ?options} dropped. */
    static Path databaseFile(String connectionString) {
        String s = connectionString.trim();
        int query = s.indexOf('?');
        if (query >= 0) {
            s = s.substring(0, query);
        }
        if (s.startsWith("file:")) {
            s = s.substring("file:".length());
        }
        if (s.isEmpty() || s.equals(":memory:")) {
            throw new StorageConfigException("state store connectionString '" + connectionString
                    + "' names no file; checkpoints must outlive the process");
        }
        return Path.of(s);
    }
}
