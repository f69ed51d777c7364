package com.atlan.storage.migrate;

/**
 * Bounds the transfers in flight; unlike a {@link java.util.concurrent.Semaphore}, its limit can be lowered or
 * raised while transfers run ({@link #resize}), so a controller can adapt concurrency to what the stores sustain.
 * Lowering it lets the transfers in flight finish and admits no new one until fewer than the new limit run.
 */
final class PermitPool {

    private final Object lock = new Object();
    private int limit;
    private int inUse;

    PermitPool(int limit) {
        resize(limit);
    }

    /** Waits for a free permit and takes it. */
    void acquire() throws InterruptedException {
        synchronized (lock) {
            while (inUse >= limit) {
                lock.wait();
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
