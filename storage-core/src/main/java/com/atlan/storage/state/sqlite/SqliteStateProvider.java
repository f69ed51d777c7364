package com.atlan.storage.state.sqlite;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.state.SingleTypeStateProvider;
import com.atlan.storage.state.StateBackend;
import com.atlan.storage.state.StateSettings;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Serves {@value #TYPE} components with Dapr's metadata: {@code connectionString} (a file path, {@code file:}
 * URI or {@code :memory:}; relative paths resolve against the working directory), {@code tableName} (default
 * {@code state}) and {@code timeoutInSeconds} (default 20: how long a write waits for another process's).
 */
public final class SqliteStateProvider extends SingleTypeStateProvider {

    /** The Dapr component type served. */
    public static final String TYPE = "state.sqlite";

    private static final Set<String> KNOWN = Set.of(
            "connectionString",
            "tableName",
            "timeoutInSeconds",
            "timeout",
            // Dapr's SQLite tuning, which changes nothing here
            "busyTimeout",
            "disableWAL");

    /** A provider of {@value #TYPE} components. */
    public SqliteStateProvider() {
        super(TYPE, KNOWN);
    }

    @Override
    protected StateBackend open(StoreSettings settings, StorageConfiguration configuration) {
        String connection = settings.require("connectionString");
        Path file = databaseFile(connection);
        String table = settings.get("tableName").orElse(SqliteStateBackend.DEFAULT_TABLE);
        try {
            SqliteStateBackend.requireIdentifier(table);
        } catch (IllegalArgumentException e) {
            throw new StorageConfigException(
                    "component '" + settings.name() + "' metadata 'tableName': " + e.getMessage());
        }
        return SqliteStateBackend.open(
                settings.name(),
                file == null ? null : settings.baseDir().resolve(file),
                table,
                StateSettings.duration(settings, Duration.ofSeconds(20), "timeoutInSeconds", "timeout"));
    }

    /**
     * The file a Dapr SQLite {@code connectionString} names ({@code file:} prefix and {@code ?options} dropped), or
     * {@code null} for {@code :memory:}.
     *
     * @throws StorageConfigException when it names nothing
     */
    public static Path databaseFile(String connectionString) {
        String s = connectionString.trim();
        int query = s.indexOf('?');
        if (query >= 0) {
            s = s.substring(0, query);
        }
        if (s.startsWith("file:")) {
            s = s.substring("file:".length());
        }
        if (s.equals(":memory:")) {
            return null;
        }
        if (s.isEmpty()) {
            throw new StorageConfigException("state.sqlite connectionString '" + connectionString + "' names no file");
        }
        return Path.of(s);
    }
}
