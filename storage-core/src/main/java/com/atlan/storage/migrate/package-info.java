/**
 * The migration engine: list -> plan -> transfer -> summarise.
 *
 * <p>{@link com.atlan.storage.migrate.Migrator} streams the source listing, keeps a fixed number of
 * transfers in flight on virtual threads (the lister blocks when all are busy), streams each object from
 * {@code open} to {@code put} (or copies it server side), retries transient failures with backoff and
 * jitter, and returns a {@link com.atlan.storage.migrate.MigrationSummary}. Progress is observable through
 * {@link com.atlan.storage.migrate.ProgressListener} and {@link com.atlan.storage.migrate.Progress} snapshots.
 */
package com.atlan.storage.migrate;
