/**
 * The backend SPI: the {@link com.atlan.storage.store.Backend} interface every object store implements, the
 * {@link com.atlan.storage.store.Features} it declares (hash kinds, listing order, metadata, server-side copy
 * peers), the values it exchanges ({@link com.atlan.storage.store.ObjectInfo} with typed
 * {@link com.atlan.storage.store.Hashes}, {@link com.atlan.storage.store.ObjectMetadata},
 * {@link com.atlan.storage.store.PutOptions}, {@link com.atlan.storage.store.ObjectContent}), key rules
 * ({@link com.atlan.storage.store.StoreKeys}, {@link com.atlan.storage.store.KeyPrefix}) and the typed errors
 * rooted at {@link com.atlan.storage.store.StorageException}.
 *
 * <p>Backends register a {@link com.atlan.storage.store.BackendProvider} with {@link java.util.ServiceLoader}
 * under the Dapr component types they serve; the provider validates the component's metadata and says where
 * the store lives ({@link com.atlan.storage.store.StoreLocation}).
 *
 * <p>What backends share lives here too, so each exists once: {@link com.atlan.storage.store.StoreSettings} reads
 * metadata (flags, sizes such as {@code 64MiB}, whole numbers) with one wording of errors,
 * {@link com.atlan.storage.store.Endpoints} parses endpoint URLs and spells servers canonically,
 * {@link com.atlan.storage.store.StoreErrors} words the errors every backend raises, and
 * {@link com.atlan.storage.store.ListingIterator} turns a paged listing into the stream {@code list} returns.
 */
package com.atlan.storage.store;
