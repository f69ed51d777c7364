package com.atlan.storage.accounting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns keys that finish out of order into a low watermark, by listing sequence number: each key the plan yields
 * gets the next number, so no key is ever compared here and any listing order works. The watermark is the key
 * listed just before the lowest number still in flight (or the last key listed when none is): every key at or
 * before it is finished. Keys finished above it are kept until it passes them. Not thread-safe: the
 * {@link RunLedger} guards it.
 */
final class CompletionWindow {

    private record Pending(String key, String listedBefore) {}

    private final TreeMap<Long, Pending> inFlight = new TreeMap<>();
    private final TreeMap<Long, String> doneAbove = new TreeMap<>();
    private long nextSeq;
    private String lastListed;
    private String watermark;

    /** A window whose keys up to {@code watermark} ({@code null}: none) are already finished. */
    CompletionWindow(String watermark) {
        this.watermark = watermark;
        this.lastListed = watermark;
    }

    /** The listing reached {@code key}, which is now in flight; returns its number. */
    long open(String key) {
        long seq = nextSeq++;
        inFlight.put(seq, new Pending(key, lastListed));
        lastListed = key;
        return seq;
    }

    /** The listing reached {@code key}, which is already finished. */
    void openFinished(String key) {
        if (inFlight.isEmpty()) {
            watermark = key;
        } else {
            doneAbove.put(nextSeq, key);
        }
        nextSeq++;
        lastListed = key;
    }

    /** The key numbered {@code seq} finished; returns whether the watermark moved. */
    boolean close(long seq) {
        Map.Entry<Long, Pending> first = inFlight.firstEntry();
        Pending pending = inFlight.remove(seq);
        if (pending == null) {
            throw new IllegalStateException("key number " + seq + " is not in flight");
        }
        if (first.getKey() != seq) {
            doneAbove.put(seq, pending.key());
            return false;
        }
        Map.Entry<Long, Pending> next = inFlight.firstEntry();
        if (next == null) {
            watermark = lastListed;
            doneAbove.clear();
        } else {
            watermark = next.getValue().listedBefore();
            doneAbove.headMap(next.getKey()).clear();
        }
        return true;
    }

    String watermark() {
        return watermark;
    }

    boolean anyInFlight() {
        return !inFlight.isEmpty();
    }

    int inFlightCount() {
        return inFlight.size();
    }

    int doneAboveCount() {
        return doneAbove.size();
    }

    /** The keys finished above the watermark, in listing order. */
    List<String> doneAboveKeys() {
        return new ArrayList<>(doneAbove.values());
    }
}
