package com.atlan.storage.testkit;

import java.util.function.LongSupplier;

/** A token bucket: {@code perSecond} tokens a second, at most {@code burst} saved up; starts full. */
final class TokenBucket {

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    TokenBucket(FaultPlan.Throttle throttle, LongSupplier nanoTime) {
        this.perNano = throttle.perSecond() / 1e9;
        this.burst = throttle.burst();
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    /** Takes a token if one is there. */
    synchronized boolean tryAcquire() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
