package com.atlan.storage.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spaces out the starts of attempts when stores throttle: a client-side rate limit, as the AWS SDKs' adaptive retry
 * mode and rclone's pacer keep one. A limit on transfers in flight cannot hold a fast store's request rate under its
 * quota (a few transfers of small objects send hundreds of requests a second); spacing can.
 *
 * <p>Attempts are judged in periods of {@link #PERIOD} (and at least {@link #MIN_ATTEMPTS} attempts). When more than
 * {@link #CUT_SHARE} of a period's attempts were throttled, the allowed rate drops to {@link #CUT_FACTOR} of the rate
 * attempts started at in that period; after a period with none or few throttled ({@link #RAISE_SHARE} at most), it
 * rises by a tenth, and once it is fast enough it is lifted. A share, not each answer: a store that throttles a few
 * requests at random is not over its quota, and slowing down for each would crawl.
 *
 * <p>Thread-safe; turns are handed out in the order asked.
 */
public final class Pacer {

    private static final Logger LOG = LoggerFactory.getLogger(Pacer.class);

    /** How long a period of attempts is judged over, at least. */
    static final Duration PERIOD = Duration.ofMillis(100);

    /** Attempts a period needs before it is judged. */
    static final int MIN_ATTEMPTS = 8;

    /** The share of a period's attempts throttled above which the rate is cut. */
    static final double CUT_SHARE = 0.25;

    /** The share of a period's attempts throttled at or below which the rate may rise. */
    static final double RAISE_SHARE = 0.1;

    /** The rate after a cut, as a share of the rate the period's attempts started at. */
    static final double CUT_FACTOR = 0.7;

    /** The longest spacing, whatever the stores answer. */
    static final Duration MAX_INTERVAL = Duration.ofSeconds(1);

    /** A spacing shorter than this is lifted altogether. */
    static final Duration MIN_INTERVAL = Duration.ofNanos(200_000);

    private final LongSupplier clock;
    private final Retrier.Sleeper sleeper;
    private long intervalNanos;
    private long nextStart = Long.MIN_VALUE;

    private long periodStart;
    private int periodAttempts;
    private int periodThrottled;

    /**
     * @param clock   nanoseconds, as {@link System#nanoTime()}
     * @param sleeper how a turn is waited for
     */
    public Pacer(LongSupplier clock, Retrier.Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.periodStart = clock.getAsLong();
    }

    /** Waits until the next attempt may start: at once unless stores have throttled lately. */
    public void awaitTurn() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = clock.getAsLong();
            periodAttempts++;
            if (intervalNanos == 0) {
                return;
            }
            long start = nextStart == Long.MIN_VALUE ? now : Math.max(now, nextStart);
            nextStart = start + intervalNanos;
            wait = start - now;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }

    /** An attempt was throttled. */
    public synchronized void throttled() {
        periodThrottled++;
        judge();
    }

    /** An attempt succeeded. */
    public synchronized void succeeded() {
        judge();
    }

    /** The least time between two starts now ({@link Duration#ZERO}: none). */
    public synchronized Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    private void judge() {
        long now = clock.getAsLong();
        long elapsed = now - periodStart;
        if (elapsed < PERIOD.toNanos() || periodAttempts < MIN_ATTEMPTS) {
            return;
        }
        double share = (double) periodThrottled / Math.max(periodAttempts, periodThrottled);
        long started = Math.max(1, elapsed / periodAttempts); // the spacing the period's attempts had
        if (share > CUT_SHARE) {
            long slower = (long) (Math.max(intervalNanos, started) / CUT_FACTOR);
            set(Math.min(MAX_INTERVAL.toNanos(), slower), share);
        } else if (share <= RAISE_SHARE && intervalNanos > 0) {
            long faster = intervalNanos - intervalNanos / 10;
            set(faster < MIN_INTERVAL.toNanos() ? 0 : faster, share);
        }
        periodStart = now;
        periodAttempts = 0;
        periodThrottled = 0;
    }

    private void set(long interval, double share) {
        if (interval != intervalNanos) {
            LOG.debug(
                    "{}% of attempts throttled: attempts start at least {} us apart",
                    Math.round(share * 100), interval / 1000);
        }
        intervalNanos = interval;
        if (interval == 0) {
            nextStart = Long.MIN_VALUE;
        }
    }
}
