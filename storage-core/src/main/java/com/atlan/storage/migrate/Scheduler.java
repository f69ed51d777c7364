package com.atlan.storage.migrate;

import com.atlan.storage.accounting.ObjectOutcome;
import com.atlan.storage.accounting.ObjectWork;
import com.atlan.storage.accounting.PlanReason;
import com.atlan.storage.accounting.RunLedger;
import com.atlan.storage.store.Messages;
import com.atlan.storage.store.StorageException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs transfers on virtual threads, at most as many at once as its {@link PermitPool} allows (the lister waits for
 * a permit: back-pressure), and books each one out of the {@link RunLedger} exactly once, whatever it throws.
 *
 * <p>Any {@link Throwable} ends its object as failed; a store-wide failure ({@link StorageException#isStoreWide()})
 * or an error of the JVM itself ({@link VirtualMachineError}) also stops the run. A transfer cut short by
 * cancellation is left unfinished, so the watermark stays before it and a resumed run does it again.
 *
 * <p>With adaptive concurrency, each success is reported to the {@link AdaptiveConcurrency} controller, which resizes
 * the pool.
 */
final class Scheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    /** One transfer; counts its attempts in {@code attempts} and returns how it ended or throws why it failed. */
    @FunctionalInterface
    interface Transfer {
        ObjectOutcome run(AtomicInteger attempts) throws InterruptedException;
    }

    private final PermitPool permits;
    private final AdaptiveConcurrency controller;
    private final RunLedger ledger;
    private final RunStop stop;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param permits    bounds the transfers in flight
     * @param controller resizes {@code permits} from the transfers' outcomes; {@code null} for a fixed concurrency
     */
    Scheduler(PermitPool permits, AdaptiveConcurrency controller, RunLedger ledger, RunStop stop) {
        this.permits = permits;
        this.controller = controller;
        this.ledger = ledger;
        this.stop = stop;
    }

    /** Waits for a permit and starts {@code transfer} of {@code ticket}'s object, planned for {@code reason}. */
    void submit(RunLedger.Ticket ticket, PlanReason reason, Transfer transfer) throws InterruptedException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            ledger.abandon(ticket);
            throw e;
        }
        try {
            workers.execute(() -> run(ticket, reason, transfer));
        } catch (RejectedExecutionException e) {
            permits.release();
            ledger.abandon(ticket);
            stop.stop(RunStop.Kind.CANCELLED, "migration cancelled", e);
        }
    }

    /** Interrupts every transfer in flight and refuses new ones (cancellation). */
    void interruptAll() {
        workers.shutdownNow();
    }

    /** Waits for every transfer to end; interrupts them first when the run was cancelled. */
    @Override
    public void close() {
        if (stop.isCancelled()) {
            workers.shutdownNow();
        }
        workers.close();
    }

    private void run(RunLedger.Ticket ticket, PlanReason reason, Transfer transfer) {
        String key = ticket.object().key();
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();
        try {
            ledger.started(ticket);
            ObjectOutcome outcome;
            String error = null;
            try {
                outcome = transfer.run(attempts);
                if (controller != null) {
                    controller.completed(start);
                }
            } catch (Throwable e) {
                if (stop.isCancelled()) {
                    ledger.abandon(ticket, work(reason, attempts, start));
                    return;
                }
                outcome = ObjectOutcome.FAILED;
                error = describe(key, e);
                LOG.warn("failed to migrate '{}': {}", key, error);
                stopIfRunCannotGoOn(e);
            }
            ledger.finish(ticket, outcome, error, work(reason, attempts, start));
        } catch (Throwable e) {
            stop.stop(RunStop.Kind.FATAL, "recording the end of '" + key + "' failed: " + Messages.of(e), e);
        } finally {
            permits.release();
        }
    }

    private static ObjectWork work(PlanReason reason, AtomicInteger attempts, long start) {
        return new ObjectWork(reason, attempts.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    private void stopIfRunCannotGoOn(Throwable e) {
        if (e instanceof VirtualMachineError) {
            stop.stop(RunStop.Kind.FATAL, "the JVM failed (" + e + "); the run cannot go on safely", e);
        } else if (e instanceof StorageException s && s.isStoreWide()) {
            stop.stop(RunStop.Kind.STORE_WIDE, s.getMessage() + "; every object would fail, so the run stopped", e);
        }
    }

    private static String describe(String key, Throwable e) {
        if (e instanceof StorageException && e.getMessage() != null) {
            return e.getMessage();
        }
        if (e instanceof InterruptedException) {
            return "interrupted before '" + key + "' was copied";
        }
        LOG.warn("unexpected failure copying '{}'", key, e);
        return Messages.of(e);
    }
}
