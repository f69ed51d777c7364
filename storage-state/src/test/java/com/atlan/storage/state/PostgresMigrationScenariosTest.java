package com.atlan.storage.state;

import com.atlan.storage.services.IncrementalPipelineScenario;
import com.atlan.storage.services.KilledMigrationScenario;
import com.atlan.storage.state.testing.PostgresServer;
import java.util.UUID;
import org.junit.jupiter.api.Nested;

/** The migration scenarios of issue 12 with PostgreSQL as the state store. */
class PostgresMigrationScenariosTest {

    private static final String TABLE =
            "atlan_test_" + UUID.randomUUID().toString().replace("-", "");

    static String component() {
        return """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: statestore
                spec:
                  type: state.postgresql
                  version: v2
                  metadata:
                    - name: connectionString
                      value: "%s"
                    - name: tableName
                      value: %s
                """.formatted(PostgresServer.connectionString(), TABLE);
    }

    @Nested
    class SpecsIncrementalExample extends IncrementalPipelineScenario {
        @Override
        protected String stateStoreComponent() {
            return component();
        }
    }

    @Nested
    class KilledMigration extends KilledMigrationScenario {
        @Override
        protected String stateStoreComponent() {
            return component();
        }

        @Override
        protected String expectedStore() {
            return "state.postgresql";
        }
    }
}
