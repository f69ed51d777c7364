/**
 * The object store SPI: the {@link com.atlan.storage.store.ObjectStore} interface every backend
 * implements, the values it exchanges ({@link com.atlan.storage.store.ObjectInfo},
 * {@link com.atlan.storage.store.PutOptions}), key rules ({@link com.atlan.storage.store.StoreKeys},
 * {@link com.atlan.storage.store.KeyPrefix}) and the typed errors rooted at
 * {@link com.atlan.storage.store.StorageException}.
 *
 * <p>Backends register an {@link com.atlan.storage.store.ObjectStoreProvider} with
 * {@link java.util.ServiceLoader} under the Dapr component types they serve.
 */
package com.atlan.storage.store;
