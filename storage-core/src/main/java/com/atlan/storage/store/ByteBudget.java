package com.atlan.storage.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Bounds the memory of a store's upload buffers (S3 parts, Azure blocks, buffered single puts). Every buffer, in use or kept for reuse, is charged
 * against a fixed capacity; taking a buffer blocks while the capacity is spent, which is the
 * back-pressure that keeps memory flat whatever the number and size of concurrent uploads.
 *
 * <p>Buffers of the standard part size are kept for reuse and given up to the budget again when
 * another size is needed. A buffer larger than the whole budget (a part of a multi-terabyte object)
 * is charged as the whole budget, so it runs alone.
 */
public final class ByteBudget {

    private final long capacity;
    private final int reusableSize;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final Deque<byte[]> idle = new ArrayDeque<>();
    private long unallocated;
    private long inUse;
    private long peakInUse;

    /** A budget of {@code capacity} bytes that keeps buffers of {@code reusableSize} bytes for reuse. */
    public ByteBudget(long capacity, int reusableSize) {
        if (capacity <= 0) throw new IllegalArgumentException("capacity must be > 0: " + capacity);
        this.capacity = capacity;
        this.reusableSize = reusableSize;
        this.unallocated = capacity;
    }

    /** The most bytes buffers may hold at once. */
    public long capacity() {
        return capacity;
    }

    /** Bytes in buffers taken and not yet given back. */
    public long inUse() {
        lock.lock();
        try {
            return inUse;
        } finally {
            lock.unlock();
        }
    }

    /** The largest {@link #inUse()} seen since the store was created. */
    public long peakInUse() {
        lock.lock();
        try {
            return peakInUse;
        } finally {
            lock.unlock();
        }
    }

    /** A buffer of exactly {@code size} bytes, waiting until the budget allows it. */
    public byte[] take(int size) throws InterruptedException {
        long charge = charge(size);
        lock.lockInterruptibly();
        try {
            while (true) {
                if (size == reusableSize && !idle.isEmpty()) {
                    return track(idle.pop(), charge);
                }
                if (unallocated >= charge) {
                    unallocated -= charge;
                    return track(new byte[size], charge);
                }
                if (!idle.isEmpty()) {
                    unallocated += charge(idle.pop().length);
                    continue;
                }
                released.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code use} with a buffer of {@code size} bytes taken from this budget and gives it back after, however
     * {@code use} ends; an interrupted wait for the buffer fails as {@code errors} say for writing {@code key}.
     */
    public <R> R lend(int size, StoreErrors errors, String key, Function<byte[], R> use) {
        byte[] buffer;
        try {
            buffer = take(size);
        } catch (InterruptedException e) {
            throw errors.interrupted("writing", key, e);
        }
        try {
            return use.apply(buffer);
        } finally {
            give(buffer);
        }
    }

    /** Returns a buffer from {@link #take}; it must not be used afterwards. */
    public void give(byte[] buffer) {
        long charge = charge(buffer.length);
        lock.lock();
        try {
            inUse -= charge;
            if (buffer.length == reusableSize) {
                idle.push(buffer);
            } else {
                unallocated += charge;
            }
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private byte[] track(byte[] buffer, long charge) {
        inUse += charge;
        peakInUse = Math.max(peakInUse, inUse);
        return buffer;
    }

    private long charge(int size) {
        return Math.min(size, capacity);
    }

    @Override
    public String toString() {
        return "ByteBudget[capacity=" + capacity + ", inUse=" + inUse() + "]";
    }
}
