package com.atlan.storage.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.testing.ComponentFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's class methods follow {@link StorageContext}: the configuration set at start-up, else the environment's. */
class StateStoreClassMethodsTest {

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        StorageContext.reset();
    }

    private void use(String file) {
        Path components = dir.resolve("components-" + file);
        ComponentFiles.stateStore(
                components,
                "state.sqlite",
                Map.of("connectionString", dir.resolve(file).toString()));
        StorageContext.use(StorageConfiguration.load(Optional.of(components), Map.of(), dir));
    }

    @Test
    void classMethodsUseTheContextsStateStoreAndFollowItWhenItChanges() throws Exception {
        use("first.db");
        StateStore.saveState("k", 1, "wf", StateType.WORKFLOWS);
        assertThat(StateStore.saveStateObject("wf", Map.of("j", 2), StateType.WORKFLOWS)
                        .size())
                .isEqualTo(2);
        assertThat(StateStore.getStateAsync("wf", StateType.WORKFLOWS)
                        .get()
                        .get("k")
                        .asInt())
                .isEqualTo(1);
        assertThat(StateStore.shared().backend().describe()).contains("first.db");

        use("second.db");
        assertThat(StateStore.getState("wf", StateType.WORKFLOWS))
                .as("another store")
                .isEmpty();
        StateStore.saveStateAsync("k", 3, "wf", StateType.WORKFLOWS).get();
        assertThat(StateStore.deleteStateAsync("wf", StateType.WORKFLOWS).get()).isTrue();
        assertThat(StateStore.deleteState("wf", StateType.WORKFLOWS)).isFalse();
    }
}
