package com.atlan.storage.state.postgresql;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.state.SingleTypeStateProvider;
import com.atlan.storage.state.StateBackend;
import com.atlan.storage.state.StateSettings;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Serves {@value #TYPE} components with Dapr's metadata: {@code connectionString} (libpq keywords or a
 * {@code postgres://} URL; required), {@code tableName} (default {@code state}, may be {@code schema.table}),
 * {@code tablePrefix} (Dapr v2: prefixed to {@code state}) and {@code timeout} (seconds per statement, default 20).
 */
public final class PostgresStateProvider extends SingleTypeStateProvider {

    /** The Dapr component type served. */
    public static final String TYPE = "state.postgresql";

    private static final Pattern TABLE =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Set<String> KNOWN = Set.of(
            "connectionString",
            "tableName",
            "tablePrefix",
            "timeout",
            "timeoutInSeconds",
            // Dapr settings that concern only Dapr (cleanup, actors, its metadata table, Azure AD) and change nothing
            // here
            "metadataTableName",
            "cleanupInterval",
            "cleanupIntervalInSeconds",
            "actorStateStore",
            "maxConns",
            "connectionMaxIdleTime",
            "queryExecMode",
            "keyPrefix");

    /** A provider of {@value #TYPE} components. */
    public PostgresStateProvider() {
        super(TYPE, KNOWN);
    }

    @Override
    protected StateBackend open(StoreSettings settings, StorageConfiguration configuration) {
        PostgresConnection target = PostgresConnection.parse(settings.name(), settings.require("connectionString"));
        String table =
                settings.get("tableName").orElse(settings.get("tablePrefix").orElse("") + "state");
        if (!TABLE.matcher(table).matches()) {
            throw new StorageConfigException("component '" + settings.name() + "' metadata 'tableName': '" + table
                    + "' must be a plain identifier (letters, digits, underscores), optionally schema.table");
        }
        return new PostgresStateBackend(
                settings.name(),
                target,
                table,
                StateSettings.duration(settings, Duration.ofSeconds(20), "timeout", "timeoutInSeconds"));
    }
}
