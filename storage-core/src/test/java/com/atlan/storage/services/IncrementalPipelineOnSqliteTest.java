package com.atlan.storage.services;

/** The spec's incremental example with a {@code state.sqlite} state store, as the SDK's local setup has. */
class IncrementalPipelineOnSqliteTest extends IncrementalPipelineScenario {

    @Override
    protected String stateStoreComponent() {
        return """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: statestore
                spec:
                  type: state.sqlite
                  version: v1
                  metadata:
                    - name: connectionString
                      value: ./local/dapr/statestore.db
                """;
    }
}
