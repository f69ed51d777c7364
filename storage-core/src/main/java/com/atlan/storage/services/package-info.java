/**
 * The spec's services in Java: {@link com.atlan.storage.services.AtlanStorage} (migration to the
 * upstream store) and {@link com.atlan.storage.services.ObjectStore} (file operations on a named store, as
 * the SDK's class methods and as instances bound to one store), matching the Python SDK's API and defaults
 * while fixing its weaknesses (streaming, bounded parallelism, retries, zero-byte objects, not-found kept
 * apart from other errors). {@link com.atlan.storage.services.StorageContext} holds the configuration the
 * class methods use. docs/porting.md maps every SDK call to its Java form.
 */
package com.atlan.storage.services;
