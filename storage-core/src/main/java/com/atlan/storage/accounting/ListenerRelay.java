package com.atlan.storage.accounting;

import com.atlan.storage.store.ObjectInfo;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the {@link RunLedger}'s events to its {@link ProgressListener}, outside the ledger's lock. A listener that
 * throws is logged once and otherwise ignored (a run never fails for its listener), except for the JVM's own errors.
 */
final class ListenerRelay {

    private static final Logger LOG = LoggerFactory.getLogger(RunLedger.class);

    private final ProgressListener listener;
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    ListenerRelay(ProgressListener listener) {
        this.listener = listener == null ? ProgressListener.NONE : listener;
    }

    /** Sends one event; returns {@code result}, so a booking can tell and return in one step. */
    <T> T tell(T result, Consumer<ProgressListener> event) {
        try {
            event.accept(listener);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            if (failureLogged.compareAndSet(false, true)) {
                LOG.warn("the progress listener failed; its events are still sent, failures are ignored", e);
            }
        }
        return result;
    }

    /** The events of an object booked out: the outcome's own event, then its {@link ObjectEvent}. */
    void ended(ObjectInfo object, ObjectOutcome outcome, String error, ObjectWork work) {
        switch (outcome) {
            case COPIED, COPIED_SERVER_SIDE -> tell(null, l -> l.onMigrated(object));
            case IDENTICAL -> tell(null, l -> l.onSkipped(object));
            case FAILED -> tell(null, l -> l.onFailed(new FailureRecord(object.key(), error)));
            case WOULD_COPY, CANCELLED -> {}
        }
        long sent = outcome == ObjectOutcome.COPIED || outcome == ObjectOutcome.COPIED_SERVER_SIDE ? object.size() : 0;
        ObjectEvent event = new ObjectEvent(
                object.key(),
                object.size(),
                work.reason(),
                outcome,
                sent,
                work.attempts(),
                work.duration(),
                error,
                Instant.now());
        tell(null, l -> l.onObject(event));
    }
}
