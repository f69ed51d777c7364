package com.atlan.storage.migrate;

/**
 * Bounds the transfers in flight; unlike a {@link java.util.concurrent.Semaphore}, its limit can be lowered or
 * raised while transfers run ({@link #resize}), so a controller can adapt concurrency to what the stores sustain.
 * Lowering it lets the transfers in flight finish and admits no new one until fewer than the new limit run.
 *
 * <p>A transfer that only waits (out a store's {@code Retry-After}, or between attempts) lends its permit back for
 * the wait ({@link #lendWhile}), so the limit counts transfers at work on a store, not sleepers; when the wait ends
 * it takes a permit back before any new transfer gets one.
 */
final class PermitPool {

    private final Object lock = new Object();
    private int limit;
    private int inUse;
    private int returning;

    /** A wait during which a permit is lent back. */
    @FunctionalInterface
    interface Wait {
        void run() throws InterruptedException;
    }

    PermitPool(int limit) {
        resize(limit);
    }

    /** Waits for a free permit and takes it. */
    void acquire() throws InterruptedException {
        synchronized (lock) {
            while (inUse >= limit || returning > 0) {
                lock.wait();
            }
            inUse++;
        }
    }

    /**
     * Runs {@code wait}, which the caller (holding a permit) spends idle, with its permit lent back; takes a permit
     * again afterwards, ahead of {@link #acquire} callers. The caller holds a permit when this returns or throws
     * (when interrupted while taking it back, it takes one over the limit, so its own release still balances).
     */
    void lendWhile(Wait wait) throws InterruptedException {
        release();
        try {
            wait.run();
        } finally {
            reclaim();
        }
    }

    private void reclaim() throws InterruptedException {
        synchronized (lock) {
            returning++;
            try {
                while (inUse >= limit) {
                    lock.wait();
                }
            } catch (InterruptedException e) {
                inUse++;
                throw e;
            } finally {
                returning--;
                lock.notifyAll();
            }
            inUse++;
        }
    }

    /** Returns a permit. */
    void release() {
        synchronized (lock) {
            if (inUse == 0) {
                throw new IllegalStateException("no permit is taken");
            }
            inUse--;
            lock.notifyAll();
        }
    }

    /** Sets how many permits may be taken at once (>= 1). */
    void resize(int newLimit) {
        if (newLimit < 1) {
            throw new IllegalArgumentException("the limit must be >= 1, not " + newLimit);
        }
        synchronized (lock) {
            limit = newLimit;
            lock.notifyAll();
        }
    }

    int limit() {
        synchronized (lock) {
            return limit;
        }
    }

    int inUse() {
        synchronized (lock) {
            return inUse;
        }
    }
}
