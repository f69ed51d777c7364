/**
 * What the SQL state backends share: {@link com.atlan.storage.state.jdbc.StateTable}, the reads and conditional
 * writes of a Dapr-layout state table, given its statements in one SQL dialect.
 */
package com.atlan.storage.state.jdbc;
