/**
 * The migration engine: list -> plan -> transfer -> checkpoint -> summarise, and verify.
 *
 * <p>{@link com.atlan.storage.migrate.Migrator} streams the source listing; the {@code Planner} merge-joins it
 * with the destination listing ({@code ListingJoin}) to skip unchanged objects without a request each; a
 * fixed number of transfers run on virtual threads (the lister blocks when all are busy), each streaming from
 * {@code open} to {@code put} through a {@code VerifyingInputStream} (exact length, MD5 end to end) or copied
 * server side, retrying transient failures with backoff and jitter. The {@code CompletionLedger} turns keys
 * finishing out of order into a low watermark that {@code CheckpointSaver} saves to a
 * {@link com.atlan.storage.state.CheckpointStore}, so a run can resume after a crash. The result is a
 * {@link com.atlan.storage.migrate.MigrationSummary}; progress is observable through
 * {@link com.atlan.storage.migrate.ProgressListener} and {@link com.atlan.storage.migrate.Progress}.
 * {@link com.atlan.storage.migrate.Verifier} compares two sides with the same join, copying nothing.
 */
package com.atlan.storage.migrate;
