/**
 * State stores and what migrations keep in them.
 *
 * <p>The SPI: a {@link com.atlan.storage.state.StateBackend} is a key-value store of JSON documents with versions
 * (read with a version, write if it still holds, delete, list by prefix), created by the
 * {@link com.atlan.storage.state.StateBackendProvider} registered for a Dapr state component type
 * ({@code state.sqlite}, {@code state.in-memory}, {@code state.objectstore} here; {@code state.postgresql} and
 * {@code state.redis} in storage-state); {@link com.atlan.storage.state.StateBackends} opens them.
 * {@link com.atlan.storage.state.StateDocuments} changes JSON objects by read, change and conditional write, and
 * {@link com.atlan.storage.state.StateKeys} holds the Atlan SDK's key layout.
 *
 * <p>Migrations: {@link com.atlan.storage.state.JobState} picks the store for a run's
 * {@link com.atlan.storage.state.Checkpoint}s ({@link com.atlan.storage.state.StateCheckpointStore}) and its
 * {@link com.atlan.storage.state.JobLock}, a lease that keeps two runs of one job apart.
 */
package com.atlan.storage.state;
