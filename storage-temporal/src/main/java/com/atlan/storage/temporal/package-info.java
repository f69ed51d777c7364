/**
 * Scale-out on Temporal: {@link com.atlan.storage.temporal.MigrationWorkflow} shards a migration over many workers
 * (key ranges planned from one keys-only listing, at most N shards at once, each resuming from its last heartbeat's
 * checkpoint), {@link com.atlan.storage.temporal.AtlanUploadActivities} is the SDK's {@code upload_to_atlan} exit
 * activity, {@link com.atlan.storage.temporal.ActivityMigration} runs a migration inside any activity, and {@link
 * com.atlan.storage.temporal.AtlanStorageWorkers} registers them all on a worker. See docs/temporal.md.
 */
package com.atlan.storage.temporal;
