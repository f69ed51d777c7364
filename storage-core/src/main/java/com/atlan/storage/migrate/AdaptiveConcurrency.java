package com.atlan.storage.migrate;

import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses how many transfers run at once ({@code --concurrency auto}) by additive increase, multiplicative decrease
 * (AIMD), as TCP does for its window.
 *
 * <p>Completed transfers are measured in windows of about one limit's worth of objects. The window after a raise is
 * not judged (its transfers were mostly admitted before the raise). While a raise pays (the next judged window's
 * throughput grows by at least half as much as the limit did; by Little's law, latency held), the limit
 * keeps rising: doubling at first (slow start), then by an
 * eighth; a doubling that gained at least {@link #SOME_GAIN} but not that much is kept and ends slow start. A raise
 * that does not pay is taken back and the limit holds for {@link #HOLD_WINDOWS} windows before it
 * probes again. When more than {@link #CUT_SHARE} of the attempts since the last window began were throttled (503
 * SlowDown, 429, {@code Retry-After}; at least {@link #MIN_THROTTLES} of them: more than the run's pacer lets
 * through when it copes) the limit is halved at once, at most
 * once per {@link #MIN_COOLDOWN_NANOS} or recent latency (the transfers started before a cut still report
 * throttling), and slow start ends; a window with more than {@link #RAISE_SHARE} throttled raises nothing. A share,
 * not any single answer: a store that throttles a few requests at random (as faults do) is not overloaded, and
 * halving on each one would pin the limit at 1.
 *
 * <p>Time comes from the clock given, so the controller is deterministic under test. Thread-safe.
 */
final class AdaptiveConcurrency {

    private static final Logger LOG = LoggerFactory.getLogger(AdaptiveConcurrency.class);

    /** Transfers in flight at the start: moderate, so a throttling store sees few requests before the first cut. */
    static final int INITIAL = 16;

    /** The most transfers in flight ever; stores' connection pools are sized for it. */
    static final int MAX = 256;

    /** Completions per measuring window at least (a window is otherwise one limit's worth). */
    static final int MIN_WINDOW = 8;

    /** The throughput gain that keeps a doubling of slow start which did not pay in full. */
    static final double SOME_GAIN = 0.1;

    /** Windows to hold after a raise that did not pay, before probing again. */
    static final int HOLD_WINDOWS = 8;

    /**
     * The share of throttled attempts in a window above which the limit is cut: half, above the share near which the
     * run's {@link com.atlan.storage.retry.Pacer} holds a throttling store (a quarter), so the two do not fight: the
     * pacer keeps the request rate under the store's quota, and the limit is cut only when spacing does not cope.
     */
    static final double CUT_SHARE = 0.5;

    /** The share of throttled attempts in a window above which the limit is not raised. */
    static final double RAISE_SHARE = 0.1;

    /** Throttled attempts in a window before a cut is considered (one answer says little). */
    static final int MIN_THROTTLES = 4;

    /** The least time between two cuts. */
    static final long MIN_COOLDOWN_NANOS = 500_000_000L;

    private final LongSupplier clock;
    private final IntConsumer apply;
    private int limit;
    private boolean slowStart = true;

    private long windowStart;
    private int windowCount;
    private long windowLatency;
    private int windowThrottles;

    private double recentLatency;
    private int referenceLimit;
    private double referenceRate;
    private int holdWindows;
    private boolean settling;
    private long lastCut = Long.MIN_VALUE;
    private int peak;

    /**
     * @param clock nanoseconds, as {@link System#nanoTime()}
     * @param apply receives each new limit (and the initial one at once)
     */
    AdaptiveConcurrency(LongSupplier clock, IntConsumer apply) {
        this.clock = clock;
        this.apply = apply;
        this.limit = INITIAL;
        this.peak = INITIAL;
        this.windowStart = clock.getAsLong();
        apply.accept(limit);
    }

    /** The current limit. */
    synchronized int limit() {
        return limit;
    }

    /** The highest limit reached so far. */
    synchronized int peak() {
        return peak;
    }

    /** A transfer started at {@code startNanos} (same clock) has succeeded now. */
    synchronized void completed(long startNanos) {
        long now = clock.getAsLong();
        windowCount++;
        windowLatency += Math.max(0, now - startNanos);
        if (windowCount >= Math.max(MIN_WINDOW, limit)) {
            endWindow(now);
        }
    }

    /** An attempt was throttled by a store: fewer transfers at once when that happens often. */
    synchronized void throttled() {
        long now = clock.getAsLong();
        windowThrottles++;
        if (windowThrottles < MIN_THROTTLES || windowThrottles <= CUT_SHARE * (windowCount + windowThrottles)) {
            return;
        }
        long cooldown = Math.max(MIN_COOLDOWN_NANOS, (long) recentLatency);
        if (lastCut != Long.MIN_VALUE && now - lastCut < cooldown) {
            return;
        }
        lastCut = now;
        slowStart = false;
        referenceRate = 0;
        holdWindows = 0;
        set(Math.max(1, limit / 2), "a store is throttling");
        startWindow(now);
    }

    private void startWindow(long now) {
        windowStart = now;
        windowCount = 0;
        windowLatency = 0;
        windowThrottles = 0;
    }

    private void endWindow(long now) {
        double elapsed = Math.max(1, now - windowStart);
        double rate = windowCount / elapsed;
        double latency = (double) windowLatency / windowCount;
        boolean throttledHere = windowThrottles > RAISE_SHARE * (windowCount + windowThrottles);
        startWindow(now);
        recentLatency = latency;
        if (throttledHere) {
            return;
        }
        if (settling) {
            // the window after a raise is mostly transfers admitted before it (Little's law lags by a latency):
            // judged, it would take back raises that pay
            settling = false;
            return;
        }
        if (holdWindows > 0) {
            holdWindows--;
            return;
        }
        if (referenceRate > 0 && limit > referenceLimit) {
            double raised = (double) limit / referenceLimit - 1;
            // throughput, not latency: a transfer's time includes the waits a throttling store asked for
            double grew = rate / referenceRate - 1;
            if (grew < raised / 2 && slowStart && grew >= SOME_GAIN) {
                // a doubling that paid in part (a store near what it serves, or a busy CPU): kept, and growth
                // goes on by eighths
                slowStart = false;
            } else if (grew < raised / 2) {
                slowStart = false;
                holdWindows = HOLD_WINDOWS;
                int back = referenceLimit;
                referenceRate = 0;
                set(back, "more transfers at once did not raise throughput");
                return;
            }
        }
        if (limit >= MAX) {
            return;
        }
        referenceLimit = limit;
        referenceRate = rate;
        settling = true;
        set(slowStart ? limit * 2 : limit + Math.max(1, limit / 8), "throughput grew");
    }

    private void set(int newLimit, String why) {
        int bounded = Math.min(MAX, Math.max(1, newLimit));
        if (bounded == limit) {
            return;
        }
        LOG.debug("transfers in flight {} -> {}: {}", limit, bounded, why);
        limit = bounded;
        peak = Math.max(peak, bounded);
        apply.accept(bounded);
    }
}
