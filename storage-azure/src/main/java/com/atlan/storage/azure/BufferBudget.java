package com.atlan.storage.azure;

import java.util.concurrent.Semaphore;

/**
 * Bounds the memory of a store's upload buffers: taking a buffer waits while the budget is spent, the back-pressure
 * that keeps memory flat however many uploads run at once. Charged in KiB so budgets beyond 2 GiB fit a
 * {@link Semaphore}.
 */
final class BufferBudget {

    private final Semaphore kib;
    private final long capacity;

    BufferBudget(long capacity) {
        this.capacity = capacity;
        this.kib = new Semaphore((int) Math.min(Integer.MAX_VALUE, Math.ceilDiv(capacity, 1024)), true);
    }

    /** A buffer of {@code size} bytes (at most the capacity), waiting until the budget allows it. */
    byte[] take(int size) throws InterruptedException {
        if (size > capacity) {
            throw new IllegalArgumentException("a buffer of " + size + " bytes exceeds the budget of " + capacity);
        }
        kib.acquire(charge(size));
        try {
            return new byte[size];
        } catch (OutOfMemoryError e) {
            kib.release(charge(size));
            throw e;
        }
    }

    /** Returns a buffer from {@link #take}; it must not be used afterwards. */
    void give(byte[] buffer) {
        kib.release(charge(buffer.length));
    }

    /** Bytes currently charged, for tests and metrics. */
    long inUse() {
        return (Math.ceilDiv(capacity, 1024) - kib.availablePermits()) * 1024;
    }

    private static int charge(int size) {
        return Math.max(1, Math.ceilDiv(size, 1024));
    }
}
