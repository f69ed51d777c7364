package com.atlan.storage.migrate;

/**
 * Why a run stops before its end, if it does: the first reason given wins. Read by the lister before each object;
 * set by the caller (cancel), the failure budget, a transfer (a store-wide or fatal error) or the listing.
 */
final class RunStop {

    /** The kinds of early stop. */
    enum Kind {
        CANCELLED,
        FAILURE_BUDGET,
        STORE_WIDE,
        LISTING,
        FATAL
    }

    private volatile Kind kind;
    private String reason;
    private Throwable cause;

    /** Stops the run for {@code reason} unless it is already stopping; returns whether this call stopped it. */
    synchronized boolean stop(Kind newKind, String newReason, Throwable newCause) {
        if (kind != null) {
            return false;
        }
        reason = newReason;
        cause = newCause;
        kind = newKind;
        return true;
    }

    boolean isSet() {
        return kind != null;
    }

    boolean isCancelled() {
        return kind == Kind.CANCELLED;
    }

    synchronized Kind kind() {
        return kind;
    }

    synchronized String reason() {
        return reason;
    }

    synchronized Throwable cause() {
        return cause;
    }
}
