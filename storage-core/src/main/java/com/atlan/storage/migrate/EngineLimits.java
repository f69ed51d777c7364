package com.atlan.storage.migrate;

import com.atlan.storage.accounting.FailureLog;
import com.atlan.storage.accounting.RunLedger;
import com.atlan.storage.listing.ExternalSorter;
import com.atlan.storage.retry.Retrier;
import java.nio.file.Path;

/**
 * The engine's internal bounds, fixed in production ({@link #DEFAULTS}) and lowered by tests so that a bound can be
 * reached with a few objects.
 *
 * @param window      keys finished above the watermark before the lister waits ({@link RunLedger#DEFAULT_WINDOW})
 * @param sortRunSize objects sorted in memory before a run spills to disk ({@link ExternalSorter#DEFAULT_RUN_SIZE})
 * @param failureCap  failures kept in memory and checkpoints before the rest spill ({@link FailureLog#DEFAULT_CAP})
 * @param tempFolder  where sorted runs and spilled failures go; {@code null}: the system's temporary folder
 * @param sleeper     how the retry layer waits
 */
record EngineLimits(int window, int sortRunSize, int failureCap, Path tempFolder, Retrier.Sleeper sleeper) {

    /** The production bounds. */
    static final EngineLimits DEFAULTS = new EngineLimits(
            RunLedger.DEFAULT_WINDOW, ExternalSorter.DEFAULT_RUN_SIZE, FailureLog.DEFAULT_CAP, null, Thread::sleep);
}
