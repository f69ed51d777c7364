/**
 * The {@code state.sqlite} backend: state in a SQLite file in Dapr's table layout, the embedded default
 * ({@code ./local/dapr/statestore.db}).
 */
package com.atlan.storage.state.sqlite;
