package com.atlan.storage.accounting;

import java.time.Duration;

/**
 * A snapshot of a running migration.
 *
 * @param listedFiles     objects the listing has yielded so far
 * @param listedBytes     their total size
 * @param listingComplete whether the listing has ended, so the totals are final
 * @param migratedFiles   objects copied so far (the summary also counts those found identical as migrated)
 * @param skippedFiles    objects already identical at the destination
 * @param failedFiles     objects that failed
 * @param transferredBytes bytes written so far, including objects still in flight
 * @param elapsed         time since the start
 */
public record Progress(
        long listedFiles,
        long listedBytes,
        boolean listingComplete,
        long migratedFiles,
        long skippedFiles,
        long failedFiles,
        long transferredBytes,
        Duration elapsed) {

    /** Objects finished in any way. */
    public long doneFiles() {
        return migratedFiles + skippedFiles + failedFiles;
    }

    /** Average bytes per second since the start. */
    public double bytesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : transferredBytes / seconds;
    }

    /** Average finished objects per second since the start. */
    public double filesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : doneFiles() / seconds;
    }
}
