package com.atlan.storage.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.state.redis.RedisStateProvider;
import com.atlan.storage.state.testing.RedisServer;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The state store contract on {@code state.redis}, against a real server; every writer has its own client. */
class RedisStateStoreTest extends StateStoreContract {

    static StateBackend backend(Map<String, String> metadata) {
        return new RedisStateProvider()
                .create(new StoreSettings("statestore", RedisStateProvider.TYPE, metadata, Path.of("."), 1), null);
    }

    @Override
    protected StateBackend open() {
        return backend(RedisServer.metadata());
    }

    @Override
    protected StateBackend broken() {
        return backend(RedisServer.unreachable());
    }

    @Test
    void keepsDaprsHashLayoutOfDataAndVersion() {
        StateBackend backend = open();
        String key = "persistent-artifacts/apps/" + application + "/layout";
        String version = backend.put(key, "{\"a\":1}", Condition.absent()).orElseThrow();
        String host = RedisServer.metadata().get("redisHost");
        try (backend;
                RedisClient raw = RedisClient.create(
                        host.substring(0, host.lastIndexOf(':')),
                        Integer.parseInt(host.substring(host.lastIndexOf(':') + 1)))) {
            if (RedisServer.metadata().containsKey("redisPassword")
                    || RedisServer.metadata().containsKey("redisDB")) {
                return; // an external server with credentials or another database: the raw client cannot look
            }
            assertThat(raw.hgetAll(key)).containsEntry("data", "{\"a\":1}").containsEntry("version", version);
        }
    }

    @Test
    void refusesClusterAndFailoverSetupsItCannotServe() {
        Map<String, String> cluster = new HashMap<>(RedisServer.unreachable());
        cluster.put("redisType", "cluster");
        assertThatThrownBy(() -> backend(cluster))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("single Redis server");
    }

    @Test
    void aPasswordNeverAppearsInMessages() {
        String canary = "CANARY-redis-s3cret";
        Map<String, String> metadata = new HashMap<>(RedisServer.unreachable());
        metadata.put("redisPassword", canary);
        StateBackend backend = backend(metadata);
        assertThat(backend.describe() + backend).doesNotContain(canary);
        assertThatThrownBy(() -> backend.put("k", "{}", Condition.always()))
                .isInstanceOf(StateStoreException.class)
                .satisfies(e -> assertThat(e.getMessage() + e.getCause()).doesNotContain(canary));
        backend.close();
    }
}
