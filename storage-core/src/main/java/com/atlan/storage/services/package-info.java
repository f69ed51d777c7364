/**
 * The spec's services in Java: {@link com.atlan.storage.services.AtlanStorage} (migration to the
 * upstream store) and {@link com.atlan.storage.services.ObjectStore} (file operations on a named store),
 * matching the Python SDK's API and defaults while fixing its weaknesses (streaming, bounded
 * parallelism, retries, zero-byte objects, not-found kept apart from other errors).
 */
package com.atlan.storage.services;
