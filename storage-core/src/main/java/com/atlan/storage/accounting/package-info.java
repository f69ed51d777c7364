/**
 * The one record of a migration run (like rclone's {@code accounting.Stats}).
 *
 * <p>{@link com.atlan.storage.accounting.RunLedger} is the only writer: every object listed, finished, failed or
 * revisited is booked there once. Everything else is a view of it: {@link com.atlan.storage.accounting.Progress}
 * snapshots and {@link com.atlan.storage.accounting.ProgressListener} events, the failure budget ({@link
 * com.atlan.storage.accounting.FailureBudget}), the job's totals for the summary ({@link
 * com.atlan.storage.accounting.JobTotals}) and the checkpoints it cuts. Failures past a cap go to a spill file
 * ({@link com.atlan.storage.accounting.FailureLog}), so memory and checkpoints stay bounded.
 */
package com.atlan.storage.accounting;
