package com.atlan.storage.services;

import com.atlan.storage.testing.ComponentFiles;
import java.util.Map;

/** The spec's incremental example with a {@code state.sqlite} state store, as the SDK's local setup has. */
class IncrementalPipelineOnSqliteTest extends IncrementalPipelineScenario {

    @Override
    protected String stateStoreComponent() {
        return ComponentFiles.yaml(
                "statestore", "state.sqlite", Map.of("connectionString", "./local/dapr/statestore.db"));
    }
}
