/**
 * The {@code bindings.gcp.bucket} (and {@code bindings.gcs}) backend: a Google Cloud Storage bucket as a
 * {@link com.atlan.storage.store.Backend}, on the Google Cloud client over the JSON API. See {@code docs/gcs.md}.
 */
package com.atlan.storage.gcs;
