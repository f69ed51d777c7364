package com.atlan.storage.state;

import com.atlan.storage.services.IncrementalPipelineScenario;
import com.atlan.storage.services.KilledMigrationScenario;
import com.atlan.storage.state.testing.PostgresServer;
import com.atlan.storage.testing.ComponentFiles;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;

/** The migration scenarios of issue 12 with PostgreSQL as the state store. */
class PostgresMigrationScenariosTest {

    private static final String TABLE =
            "atlan_test_" + UUID.randomUUID().toString().replace("-", "");

    static String component() {
        return ComponentFiles.yaml(
                "statestore",
                "state.postgresql",
                Map.of("connectionString", PostgresServer.connectionString(), "tableName", TABLE));
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
