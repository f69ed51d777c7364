package com.atlan.storage.testing;

import com.atlan.storage.accounting.ObjectEvent;
import com.atlan.storage.accounting.ObjectOutcome;
import com.atlan.storage.accounting.ProgressListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A listener that records how each object of a run ended, by key. */
public final class OutcomeRecorder implements ProgressListener {

    private final Map<String, ObjectOutcome> outcomes = new ConcurrentHashMap<>();

    @Override
    public void onObject(ObjectEvent event) {
        outcomes.put(event.key(), event.outcome());
    }

    /** The outcome of every object that ended so far, by key. */
    public Map<String, ObjectOutcome> outcomes() {
        return Map.copyOf(outcomes);
    }
}
