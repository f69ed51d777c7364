package com.atlan.storage.state.redis;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.state.SingleTypeStateProvider;
import com.atlan.storage.state.StateBackend;
import com.atlan.storage.state.StateSettings;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import java.time.Duration;
import java.util.Set;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;

/**
 * Serves {@value #TYPE} components with Dapr's metadata: {@code redisHost} ({@code host:port}; required),
 * {@code redisUsername}, {@code redisPassword}, {@code redisDB} (default 0), {@code enableTLS} (default false),
 * {@code dialTimeout} (default 5s) and {@code readTimeout} (default 10s). A single Redis server only: Redis Cluster
 * and Sentinel failover are refused.
 */
public final class RedisStateProvider extends SingleTypeStateProvider {

    /** The Dapr component type served. */
    public static final String TYPE = "state.redis";

    private static final Set<String> KNOWN = Set.of(
            "redisHost",
            "redisUsername",
            "redisPassword",
            "redisDB",
            "enableTLS",
            "dialTimeout",
            "readTimeout",
            "writeTimeout",
            "redisType",
            "failover",
            // Dapr settings that concern only Dapr's client (retries, pools, TTL, actors, queries) and change nothing
            // here
            "maxRetries",
            "maxRetryBackoff",
            "poolSize",
            "minIdleConns",
            "idleTimeout",
            "idleCheckFrequency",
            "poolTimeout",
            "maxConnAge",
            "ttlInSeconds",
            "queryIndexes",
            "redeliverInterval",
            "processingTimeout");

    /** A provider of {@value #TYPE} components. */
    public RedisStateProvider() {
        super(TYPE, KNOWN);
    }

    @Override
    protected StateBackend open(StoreSettings settings, StorageConfiguration configuration) {
        String type = settings.get("redisType").orElse("node");
        if (!type.equals("node") || settings.flag("failover", false)) {
            throw new StorageConfigException("component '" + settings.name() + "' (" + TYPE + "): only a single Redis"
                    + " server is supported (redisType node, no failover), not "
                    + (type.equals("node") ? "failover" : type));
        }
        HostAndPort address = address(settings);
        boolean tls = settings.flag("enableTLS", false);
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .database(settings.wholeNumber("redisDB", 0))
                .connectionTimeoutMillis(millis(settings, "dialTimeout", Duration.ofSeconds(5)))
                .socketTimeoutMillis(millis(settings, "readTimeout", Duration.ofSeconds(10)))
                .clientName("atlan-storage");
        if (tls) {
            // the JVM's trust store, with host name verification
            config.sslOptions(SslOptions.defaults());
        }
        settings.get("redisUsername").ifPresent(config::user);
        settings.get("redisPassword").ifPresent(config::password);
        RedisClient client = RedisClient.builder()
                .hostAndPort(address)
                .clientConfig(config.build())
                .build();
        String location = (tls ? "rediss://" : "redis://") + address + "/" + settings.wholeNumber("redisDB", 0);
        return new RedisStateBackend(settings.name(), location, client);
    }

    private static HostAndPort address(StoreSettings settings) {
        String host = settings.require("redisHost");
        try {
            if (!host.contains(":") || host.endsWith("]")) {
                return new HostAndPort(host.replace("[", "").replace("]", ""), 6379);
            }
            int colon = host.lastIndexOf(':');
            return new HostAndPort(
                    host.substring(0, colon).replace("[", "").replace("]", ""),
                    Integer.parseInt(host.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new StorageConfigException("component '" + settings.name()
                    + "' metadata 'redisHost' must be host:port," + " not '" + host + "'");
        }
    }

    private static int millis(StoreSettings settings, String field, Duration fallback) {
        return (int) Math.min(
                Integer.MAX_VALUE,
                StateSettings.duration(settings, fallback, field).toMillis());
    }
}
