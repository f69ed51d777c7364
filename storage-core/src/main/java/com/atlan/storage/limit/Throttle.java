package com.atlan.storage.limit;

import com.atlan.storage.store.Backend;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The live limits of one run ({@link TransferLimits#start()}): wraps stores so that their calls and bytes stay within
 * the limits. The bandwidth budget is shared by every store this throttle wraps; each wrapped store gets its own
 * request budget. Wrap the side whose bytes should be counted: the source of a migration (its reads), the
 * destination of an upload (its writes); bytes are counted once however many stores are wrapped.
 */
public final class Throttle {

    private final TransferLimits limits;
    private final TokenBucket bytes;

    Throttle(TransferLimits limits) {
        this.limits = limits;
        BandwidthSchedule schedule = limits.bandwidth();
        this.bytes = schedule.isOff()
                ? null
                : TokenBucket.of(() -> schedule.bytesPerSecondAt(ZonedDateTime.now(ZoneId.systemDefault())));
    }

    /** {@code store} with its reads counted against the bandwidth and its requests against its own request budget. */
    public Backend reads(Backend store) {
        return wrap(store, true, false);
    }

    /** {@code store} with the bytes it is sent counted against the bandwidth, and its requests limited. */
    public Backend writes(Backend store) {
        return wrap(store, false, true);
    }

    /** {@code store} with only its requests limited. */
    public Backend requests(Backend store) {
        return wrap(store, false, false);
    }

    private Backend wrap(Backend store, boolean reads, boolean writes) {
        TokenBucket requests = limits.requestsPerSecond() > 0 ? TokenBucket.of(limits::requestsPerSecond) : null;
        TokenBucket counted = reads || writes ? bytes : null;
        if (requests == null && counted == null) {
            return store;
        }
        return new LimitedBackend(store, requests, counted, reads, writes);
    }
}
