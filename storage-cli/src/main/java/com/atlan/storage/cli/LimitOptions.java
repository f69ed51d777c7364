package com.atlan.storage.cli;

import com.atlan.storage.limit.BandwidthSchedule;
import com.atlan.storage.limit.TransferLimits;
import picocli.CommandLine.Option;

/** Bandwidth and request-rate limits of a copy command. */
final class LimitOptions {

    @Option(
            names = "--bwlimit",
            paramLabel = "RATE",
            description = "Bytes per second for the whole command, e.g. 10M (MiB/s), 512k, or a timetable such as"
                    + " \"08:00,512k 19:00,10M 23:00,off\" or \"Mon-08:00,1M Sat-00:00,off\" (machine's time zone).")
    String bandwidth;

    @Option(
            names = "--tpslimit",
            paramLabel = "N",
            description = "Requests per second to each store (a listing page counts as one).")
    double requestsPerSecond;

    /**
     * The limits.
     *
     * @throws IllegalArgumentException naming the option whose value is wrong
     */
    TransferLimits limits() {
        BandwidthSchedule schedule;
        try {
            schedule = bandwidth == null ? BandwidthSchedule.OFF : BandwidthSchedule.parse(bandwidth);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--bwlimit: " + e.getMessage(), e);
        }
        if (!(requestsPerSecond >= 0)) {
            throw new IllegalArgumentException("--tpslimit must be >= 0, not " + requestsPerSecond);
        }
        return new TransferLimits(schedule, requestsPerSecond);
    }
}
