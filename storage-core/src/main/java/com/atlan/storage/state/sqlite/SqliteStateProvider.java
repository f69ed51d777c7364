package com.atlan.storage.state.sqlite;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.state.StateBackend;
import com.atlan.storage.state.StateBackendProvider;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@value #TYPE} components with Dapr's metadata: {@code connectionString} (a file path, {@code file:}
 * URI or {@code :memory:}; relative paths resolve against the working directory), {@code tableName} (default
 * {@code state}) and {@code timeoutInSeconds} (default 20: how long a write waits for another process's).
 */
public final class SqliteStateProvider implements StateBackendProvider {

    /** The Dapr component type served. */
    public static final String TYPE = "state.sqlite";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStateProvider.class);
    private static final Set<String> KNOWN = Set.of("connectionString", "tableName", "timeoutInSeconds", "timeout");
    /** Dapr settings that concern only Dapr (cleanup, actors) and change nothing here. */
    private static final Set<String> DAPR_ONLY = Set.of(
            "metadataTableName",
            "cleanupInterval",
            "cleanupIntervalInSeconds",
            "actorStateStore",
            "busyTimeout",
            "disableWAL",
            "keyPrefix");

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public StateBackend create(StoreSettings settings, StorageConfiguration configuration) {
        Set<String> unknown = settings.unknownKeys(union());
        if (!unknown.isEmpty()) {
            LOG.warn("component '{}' ({}): ignoring unknown metadata {}", settings.name(), TYPE, unknown);
        }
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
                Duration.ofSeconds(seconds(settings)));
    }

    private static Set<String> union() {
        Set<String> all = new java.util.HashSet<>(KNOWN);
        all.addAll(DAPR_ONLY);
        return all;
    }

    private static long seconds(StoreSettings settings) {
        String value = settings.get("timeoutInSeconds")
                .or(() -> settings.get("timeout"))
                .orElse("20")
                .replaceAll("s$", "");
        try {
            long seconds = Long.parseLong(value);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StorageConfigException("component '" + settings.name() + "' metadata 'timeoutInSeconds' must be a"
                + " positive number of seconds, not '" + value + "'");
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
