package com.atlan.storage.store;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs the parts of one large write (S3 multipart parts, Azure blocks, server-side part copies) in parallel on virtual
 * threads, at most {@code concurrency} at once, and returns their results in part order. The first failure stops new
 * parts from starting, interrupts those running and is thrown; the caller then aborts its upload in its own protocol.
 * Backends keep their protocol (part numbers, block ids, ETags, commit and abort) and hand this only the sending of one
 * part.
 */
public final class PartPipeline {

    /** Sends one part held in a buffer: {@code size} bytes at the start of {@code buffer}. */
    @FunctionalInterface
    public interface BufferedPart<R> {
        /**
         * Sends part {@code index} (from 0) and returns what the caller needs of it to finish the write (an ETag, a
         * block id...).
         */
        R send(int index, byte[] buffer, int size);
    }

    private final int concurrency;
    private final StoreErrors errors;
    private final String operation;
    private final String key;
    private final Function<Throwable, RuntimeException> failure;

    /**
     * @param concurrency the most parts in flight at once
     * @param errors the store's errors, for interrupts and failing sources
     * @param operation what the parts do, for the interrupt message, e.g. {@code uploading}
     * @param key the object written
     * @param failure maps what a part threw to what the write throws
     */
    public PartPipeline(
            int concurrency,
            StoreErrors errors,
            String operation,
            String key,
            Function<Throwable, RuntimeException> failure) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1: " + concurrency);
        }
        this.concurrency = concurrency;
        this.errors = errors;
        this.operation = operation;
        this.key = key;
        this.failure = failure;
    }

    /** What a part threw, unchanged when it is unchecked (a backend's parts throw its mapped errors). */
    public static RuntimeException rethrown(Throwable cause) {
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    /** Runs parts {@code 0..count-1} with {@code part}; their results in part order. */
    public <R> List<R> run(int count, IntFunction<R> part) {
        return pipeline(count, (index, pool, window, failed) -> {
            window.acquire();
            return submit(pool, window, failed, () -> part.apply(index), () -> {});
        });
    }

    /**
     * Reads {@code length} bytes of {@code data} in parts of {@code partSize}, one after another, each into a buffer
     * of {@code partSize} bytes from {@code budget} (waiting while the budget is spent), and sends them with
     * {@code part}; every buffer goes back to the budget once its part is sent or failed. A source that fails or ends
     * early fails the write ({@link StoreErrors#readSource}).
     */
    public <R> List<R> upload(InputStream data, long length, int partSize, ByteBudget budget, BufferedPart<R> part) {
        int count = (int) Math.ceilDiv(length, (long) partSize);
        long[] offset = {0};
        return pipeline(count, (index, pool, window, failed) -> {
            int size = (int) Math.min(partSize, length - offset[0]);
            window.acquire();
            byte[] buffer;
            try {
                buffer = budget.take(partSize);
            } catch (InterruptedException | RuntimeException e) {
                window.release();
                throw e;
            }
            try {
                errors.readSource(key, data, buffer, size, offset[0], length);
            } catch (RuntimeException e) {
                budget.give(buffer);
                window.release();
                throw e;
            }
            offset[0] += size;
            return submit(pool, window, failed, () -> part.send(index, buffer, size), () -> budget.give(buffer));
        });
    }

    /** Starts one part on the pool; the part's thread releases its window slot and resources when it ends. */
    private interface Starter<R> {
        Future<R> start(int index, ExecutorService pool, Semaphore window, AtomicBoolean failed)
                throws InterruptedException;
    }

    private <R> List<R> pipeline(int count, Starter<R> starter) {
        Semaphore window = new Semaphore(concurrency);
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<R>> futures = new ArrayList<>(count);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                for (int index = 0; index < count && !failed.get(); index++) {
                    futures.add(starter.start(index, pool, window, failed));
                }
                List<R> results = new ArrayList<>(count);
                for (Future<R> future : futures) {
                    results.add(future.get());
                }
                return results;
            } catch (InterruptedException e) {
                pool.shutdownNow();
                throw errors.interrupted(operation, key, e);
            } catch (ExecutionException e) {
                pool.shutdownNow();
                throw failure.apply(e.getCause());
            } catch (RuntimeException e) {
                pool.shutdownNow();
                throw e;
            }
        }
    }

    private static <R> Future<R> submit(
            ExecutorService pool, Semaphore window, AtomicBoolean failed, Supplier<R> work, Runnable release) {
        return pool.submit(() -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                failed.set(true);
                throw e;
            } finally {
                release.run();
                window.release();
            }
        });
    }
}
