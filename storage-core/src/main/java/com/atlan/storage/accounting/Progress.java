package com.atlan.storage.accounting;

import java.time.Duration;

/**
 * A snapshot of a running migration.
 *
 * @param listedFiles      objects the listing has yielded so far
 * @param listedBytes      their total size
 * @param listingComplete  whether the listing has ended, so the totals are final
 * @param migratedFiles    objects copied so far (the summary also counts those found identical as migrated)
 * @param skippedFiles     objects already identical at the destination
 * @param failedFiles      objects that failed
 * @param transferredBytes bytes written so far, including objects still in flight
 * @param elapsed          time since the start
 * @param doneBytes        sizes of the objects finished so far, however they ended
 * @param retries          attempts that failed transiently and were made again
 * @param inFlight         transfers running now
 */
public record Progress(
        long listedFiles,
        long listedBytes,
        boolean listingComplete,
        long migratedFiles,
        long skippedFiles,
        long failedFiles,
        long transferredBytes,
        Duration elapsed,
        long doneBytes,
        long retries,
        int inFlight) {

    /** A snapshot without byte totals of finished objects, retries or transfers in flight. */
    public Progress(
            long listedFiles,
            long listedBytes,
            boolean listingComplete,
            long migratedFiles,
            long skippedFiles,
            long failedFiles,
            long transferredBytes,
            Duration elapsed) {
        this(
                listedFiles,
                listedBytes,
                listingComplete,
                migratedFiles,
                skippedFiles,
                failedFiles,
                transferredBytes,
                elapsed,
                0,
                0,
                0);
    }

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

    /**
     * The time still needed at the pace so far, once the listing has ended (by bytes when the objects have any, else by
     * count); {@code null} while the total is not known or nothing is done yet.
     */
    public Duration eta() {
        if (!listingComplete) {
            return null;
        }
        double done = listedBytes > 0 ? doneBytes : doneFiles();
        double total = listedBytes > 0 ? listedBytes : listedFiles;
        if (done <= 0) {
            return total == 0 ? Duration.ZERO : null;
        }
        double remaining = Math.max(0, total - done);
        return Duration.ofMillis(Math.round(elapsed.toMillis() * remaining / done));
    }
}
