package com.atlan.storage.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.state.postgresql.PostgresStateProvider;
import com.atlan.storage.state.testing.PostgresServer;
import com.atlan.storage.store.StoreSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The state store contract on {@code state.postgresql}, against a real server; every writer has its own connection. */
class PostgresStateStoreTest extends StateStoreContract {

    /** A table of this test class's own, so runs against one external server do not meet. */
    private static final String TABLE =
            "atlan_test_" + UUID.randomUUID().toString().replace("-", "");

    static StateBackend backend(Map<String, String> metadata) {
        return new PostgresStateProvider()
                .create(new StoreSettings("statestore", PostgresStateProvider.TYPE, metadata, Path.of("."), 1), null);
    }

    @Override
    protected StateBackend open() {
        return backend(Map.of("connectionString", PostgresServer.connectionString(), "tableName", TABLE));
    }

    @Override
    protected StateBackend broken() {
        return backend(Map.of("connectionString", PostgresServer.unreachable()));
    }

    @Test
    void usesDaprsV2TableLayout() {
        StateBackend backend = open();
        try (backend) {
            backend.put("layout-probe", "{}", Condition.always());
            Map<String, String> metadata = new HashMap<>();
            metadata.put("connectionString", PostgresServer.connectionString());
            metadata.put("tableName", "information_schema.columns");
            assertThatThrownBy(() -> backend(metadata).get("x"))
                    .isInstanceOf(StateStoreException.class)
                    .hasMessageContaining("another layout");
        }
    }

    @Test
    void aServerThatIsDownShowsInTheFirstCallNotWhenOpening() {
        StateBackend down = broken();
        assertThat(down.describe()).contains("state.postgresql", "127.0.0.1");
        assertThatThrownBy(() -> down.get("k"))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("state store 'statestore'");
        down.close();
    }

    @Test
    void aPasswordNeverAppearsInMessages() {
        String canary = "CANARY-pg-s3cret";
        int port = com.atlan.storage.state.testing.TestServers.freePort();
        for (String connection : new String[] {
            "host=127.0.0.1 port=" + port + " user=app password=" + canary + " connect_timeout=2",
            "postgres://app:" + canary + "@127.0.0.1:" + port + "/state?connect_timeout=2"
        }) {
            StateBackend backend = backend(Map.of("connectionString", connection));
            assertThat(backend.describe() + backend).doesNotContain(canary);
            assertThatThrownBy(() -> backend.get("k"))
                    .isInstanceOf(StateStoreException.class)
                    .satisfies(e -> assertThat(e.getMessage() + e.getCause()).doesNotContain(canary));
            backend.close();
        }
    }
}
