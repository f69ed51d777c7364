/**
 * Configuration from Dapr component files: {@link com.atlan.storage.config.ComponentsLoader} reads
 * {@code kind: Component} YAML into {@link com.atlan.storage.config.Component}s,
 * {@link com.atlan.storage.config.StoreNames} reads the store names from the environment, and
 * {@link com.atlan.storage.config.StorageConfiguration} ties them together: it picks the components
 * folder, resolves secrets ({@code secretKeyRef} through {@code auth.secretStore}, then the environment),
 * rejects unfilled {@code {{placeholders}}} and opens {@link com.atlan.storage.store.ObjectStore}s
 * through the {@link com.atlan.storage.store.BackendProvider} registered for each component type.
 *
 * <p>All failures are {@link com.atlan.storage.store.StorageConfigException}s naming the file,
 * component and field to fix; secret values never appear in messages, logs or {@code toString()}.
 */
package com.atlan.storage.config;
