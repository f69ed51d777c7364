package com.atlan.storage.services;

/** A components folder with the two object stores only: checkpoints and lock go to the embedded default file. */
class KilledMigrationWithoutStateStoreTest extends KilledMigrationScenario {

    @Override
    protected String stateStoreComponent() {
        return null;
    }

    @Override
    protected String expectedStore() {
        return dir.resolve("local/dapr/statestore.db").toString();
    }
}
