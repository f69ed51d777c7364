package com.atlan.storage.s3.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes connections whose request has been stuck in one socket write for longer than their pool's write
 * timeout. A blocking socket write has no timeout of its own (SO_TIMEOUT covers reads only), so a server
 * that stops reading a body, keeping its receive window shut, would hold a transfer forever; closed here, the
 * write fails with an {@code IOException} and the request is retried or reported like any I/O failure.
 * One daemon thread checks every registered pool once a second.
 */
final class WriteWatchdog {

    private static final Set<HttpConnectionPool> POOLS = ConcurrentHashMap.newKeySet();
    private static ScheduledExecutorService timer;

    private WriteWatchdog() {}

    static synchronized void watch(HttpConnectionPool pool) {
        POOLS.add(pool);
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "s3-write-watchdog");
                t.setDaemon(true);
                return t;
            });
            var unused = timer.scheduleWithFixedDelay(WriteWatchdog::check, 1, 1, TimeUnit.SECONDS);
        }
    }

    static void forget(HttpConnectionPool pool) {
        POOLS.remove(pool);
    }

    private static void check() {
        long now = System.nanoTime();
        for (HttpConnectionPool pool : POOLS) {
            try {
                pool.closeStalledWrites(now);
            } catch (RuntimeException e) {
                // one pool's trouble must not stop the watch over the others
            }
        }
    }
}
