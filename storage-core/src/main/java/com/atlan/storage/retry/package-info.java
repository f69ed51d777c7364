/**
 * The one retry layer of atlan-storage: every attempt the engine makes again (a transfer, a listing reopened after
 * its last key, a verification read) goes through {@link com.atlan.storage.retry.Retrier} with a {@link
 * com.atlan.storage.retry.RetryPolicy}. Only {@link com.atlan.storage.store.StorageException#isRetryable()}
 * failures are retried, with exponential backoff and full jitter, longer after throttling, and never sooner than a
 * store's {@code Retry-After}. A {@link com.atlan.storage.retry.Pacer} spaces the starts of a run's transfer attempts
 * while stores throttle many of them. Backends never retry a request that reached the server (see
 * docs/architecture.md).
 */
package com.atlan.storage.retry;
