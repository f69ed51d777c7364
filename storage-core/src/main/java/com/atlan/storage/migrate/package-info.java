/**
 * The migration engine, as named phases through which data flows one way.
 *
 * <p>{@link com.atlan.storage.migrate.Migrator} starts a run ({@code MigrationRun}): a {@code ResumePlan} says where
 * it starts; the listings arrive in one {@link com.atlan.storage.listing.PlanOrder} (streamed, or sorted on disk)
 * through a {@link com.atlan.storage.listing.ListingReader} that reopens them after transient failures; the {@code
 * Planner} merge-joins source and destination to skip unchanged objects without a request each; the {@code
 * Scheduler} runs a bounded, resizable number of transfers on virtual threads (the lister waits when all are busy);
 * each {@code ObjectTransfer} streams from {@code open} to {@code put} through a {@code VerifyingInputStream} (exact
 * length, hashes end to end) or copies server side, its attempts made by the one retry layer ({@link
 * com.atlan.storage.retry.Retrier}). Every outcome is booked once in the run's {@link
 * com.atlan.storage.accounting.RunLedger}, from which the {@code CheckpointSaver} cuts checkpoints, the {@link
 * com.atlan.storage.accounting.FailureBudget} and progress are read, and the {@code SummaryBuilder} makes the {@link
 * com.atlan.storage.migrate.MigrationSummary}.
 */
package com.atlan.storage.migrate;
