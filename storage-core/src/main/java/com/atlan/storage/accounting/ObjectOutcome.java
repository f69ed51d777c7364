package com.atlan.storage.accounting;

/** How an object of a run ended, as the {@link RunLedger} books it. */
public enum ObjectOutcome {
    /** Streamed to the destination and checked. */
    COPIED,
    /** Copied by the destination itself; its bytes count as transferred. */
    COPIED_SERVER_SIDE,
    /** Already identical at the destination. */
    IDENTICAL,
    /** A dry run would copy it. */
    WOULD_COPY,
    /** Failed for good. */
    FAILED,
    /** Its transfer was cancelled: booked out by {@link RunLedger#abandon}, never passed to {@link RunLedger#finish}. */
    CANCELLED
}
