/** The {@code state.postgresql} backend: state in a PostgreSQL table in Dapr's v2 layout, through pgjdbc. */
package com.atlan.storage.state.postgresql;
