package com.atlan.storage.limit;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Hands out units (bytes, requests) at a rate: tokens accrue at {@code rate} per second up to a burst of a tenth of a
 * second's worth, and a taker waits until its units are covered. Takers may run the balance into debt, and later
 * takers wait it off in turn, so no taker starves and over any interval at most one burst more than the rate allows
 * is handed out. The rate is re-read from its source whenever it may have changed (a timetable).
 *
 * <p>Why not a library: Guava's RateLimiter would bring Guava into the library's core (and clash with the Android
 * flavour Temporal pulls in); resilience4j's limiter refuses a request larger than one period's limit, and bytes
 * come in reads of any size. This is the same smooth-bursty model in one small class.
 */
final class TokenBucket {

    /** Waits; tests substitute one that advances a fake clock. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private static final double BURST_SECONDS = 0.1;

    private final DoubleSupplier rate;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private double tokens;
    private long lastNanos;
    private double currentRate;

    /** A bucket paced by {@code rate} (units per second; infinite or {@code <= 0}: unlimited). */
    TokenBucket(DoubleSupplier rate, LongSupplier clock, Sleeper sleeper) {
        this.rate = rate;
        this.clock = clock;
        this.sleeper = sleeper;
        this.lastNanos = clock.getAsLong();
        this.currentRate = rate.getAsDouble();
        this.tokens = burst(currentRate);
    }

    /** A bucket on the system clock. */
    static TokenBucket of(DoubleSupplier rate) {
        return new TokenBucket(rate, System::nanoTime, nanos -> {
            long millis = nanos / 1_000_000;
            Thread.sleep(millis, (int) (nanos % 1_000_000));
        });
    }

    /** Waits until {@code units} are covered. */
    void acquire(long units) throws InterruptedException {
        long wait = reserve(units);
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }

    /** Gives back units taken but not used (a read that returned fewer bytes than it asked for). */
    synchronized void refund(long units) {
        if (limited(currentRate)) {
            tokens = Math.min(tokens + units, burst(currentRate));
        }
    }

    /** Takes {@code units} now and returns how long the taker must wait to cover them, in nanoseconds. */
    synchronized long reserve(long units) {
        long now = clock.getAsLong();
        double r = rate.getAsDouble();
        if (!limited(r)) {
            currentRate = r;
            tokens = 0;
            lastNanos = now;
            return 0;
        }
        if (!limited(currentRate)) {
            tokens = 0; // limits start afresh: no burst saved up while unlimited
        } else {
            tokens = Math.min(burst(r), tokens + (now - lastNanos) / 1e9 * currentRate);
        }
        currentRate = r;
        lastNanos = now;
        tokens -= units;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / r * 1e9);
    }

    private static boolean limited(double r) {
        return r > 0 && !Double.isInfinite(r);
    }

    private static double burst(double r) {
        return limited(r) ? Math.max(1, r * BURST_SECONDS) : 0;
    }
}
