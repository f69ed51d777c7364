package com.atlan.storage.state.postgresql;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.state.StateBackend;
import com.atlan.storage.state.StateBackendProvider;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@value #TYPE} components with Dapr's metadata: {@code connectionString} (libpq keywords or a
 * {@code postgres://} URL; required), {@code tableName} (default {@code state}, may be {@code schema.table}),
 * {@code tablePrefix} (Dapr v2: prefixed to {@code state}) and {@code timeout} (seconds per statement, default 20).
 */
public final class PostgresStateProvider implements StateBackendProvider {

    /** The Dapr component type served. */
    public static final String TYPE = "state.postgresql";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresStateProvider.class);
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

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public StateBackend create(StoreSettings settings, StorageConfiguration configuration) {
        Set<String> unknown = settings.unknownKeys(KNOWN);
        if (!unknown.isEmpty()) {
            LOG.warn("component '{}' ({}): ignoring unknown metadata {}", settings.name(), TYPE, unknown);
        }
        PostgresConnection target = PostgresConnection.parse(settings.name(), settings.require("connectionString"));
        String table =
                settings.get("tableName").orElse(settings.get("tablePrefix").orElse("") + "state");
        if (!TABLE.matcher(table).matches()) {
            throw new StorageConfigException("component '" + settings.name() + "' metadata 'tableName': '" + table
                    + "' must be a plain identifier (letters, digits, underscores), optionally schema.table");
        }
        return new PostgresStateBackend(settings.name(), target, table, timeout(settings));
    }

    private static Duration timeout(StoreSettings settings) {
        String value = settings.get("timeout")
                .or(() -> settings.get("timeoutInSeconds"))
                .orElse("20")
                .replaceAll("s$", "");
        try {
            long seconds = Long.parseLong(value);
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StorageConfigException("component '" + settings.name() + "' metadata 'timeout' must be a positive"
                + " number of seconds, not '" + value + "'");
    }
}
