/**
 * The {@code state.objectstore} backend: state as JSON objects in a configured object store, as the Atlan SDK
 * 2.8.7 kept it; conditional writes hold within one process only.
 */
package com.atlan.storage.state.objectstore;
