package com.atlan.storage.limit;

import java.util.Objects;

/**
 * Limits on what a command may ask of the stores: a bandwidth for the bytes it moves (rclone's {@code --bwlimit},
 * shared by every transfer of a run) and a request rate per store (rclone's {@code --tpslimit}, each store its own).
 * A value; {@link #start()} makes the live limiter for one run.
 *
 * @param bandwidth         bytes per second, constant or by timetable; {@link BandwidthSchedule#OFF} for none
 * @param requestsPerSecond requests per second per store; {@code 0} for none
 */
public record TransferLimits(BandwidthSchedule bandwidth, double requestsPerSecond) {

    /** No limits. */
    public static final TransferLimits NONE = new TransferLimits(BandwidthSchedule.OFF, 0);

    public TransferLimits {
        Objects.requireNonNull(bandwidth, "bandwidth");
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requestsPerSecond must be >= 0, not " + requestsPerSecond);
        }
    }

    /** Whether nothing is limited. */
    public boolean isNone() {
        return bandwidth.isOff() && requestsPerSecond == 0;
    }

    /** The live limiter for one run: one bandwidth budget for the run, one request budget per store it wraps. */
    public Throttle start() {
        return new Throttle(this);
    }

    @Override
    public String toString() {
        return isNone()
                ? "no limits"
                : "bandwidth " + bandwidth + ", "
                        + (requestsPerSecond == 0 ? "no request limit" : requestsPerSecond + " requests/s per store");
    }
}
