/**
 * Durable state of migrations: {@link com.atlan.storage.state.Checkpoint}s saved to a
 * {@link com.atlan.storage.state.CheckpointStore} so a crashed or stopped migration can resume where it was.
 *
 * <p>{@link com.atlan.storage.state.SqliteCheckpointStore} keeps them in the SQLite file of the
 * {@code state.sqlite} component (the embedded default's {@code ./local/dapr/statestore.db});
 * {@link com.atlan.storage.state.CheckpointStores} opens the one a configuration names.
 */
package com.atlan.storage.state;
