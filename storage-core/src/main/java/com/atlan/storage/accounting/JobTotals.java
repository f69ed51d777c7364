package com.atlan.storage.accounting;

import java.nio.file.Path;
import java.util.List;

/**
 * What a job has done so far, over all its runs: the numbers a summary is built from.
 *
 * @param copied        objects copied to the destination
 * @param identical     objects found identical at the destination (no copy needed)
 * @param wouldCopy     objects a dry run found to copy
 * @param failed        objects that failed
 * @param failures      the first {@link FailureLog#DEFAULT_CAP} failures
 * @param failuresFile  the file listing every failure once more than those failed, or {@code null}
 * @param bytes         bytes of the objects copied
 * @param elapsedMs     wall time of every run of the job
 */
public record JobTotals(
        long copied,
        long identical,
        long wouldCopy,
        long failed,
        List<FailureRecord> failures,
        Path failuresFile,
        long bytes,
        long elapsedMs) {

    public JobTotals {
        failures = List.copyOf(failures);
    }

    /** Every object the job has met: copied, identical, failed or (dry run) to copy. */
    public long total() {
        return copied + identical + failed + wouldCopy;
    }
}
