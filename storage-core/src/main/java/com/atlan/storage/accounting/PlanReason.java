package com.atlan.storage.accounting;

import java.util.Locale;

/** Why the plan copies or skips an object, as a manifest or per-object log records it. */
public enum PlanReason {
    /** The destination has no object under the key. */
    NEW("not at the destination"),
    /** The destination's object has another size. */
    SIZE_DIFFERS("the destination's object has another size"),
    /** A hash both stores vouch for differs. */
    HASH_DIFFERS("a hash both stores vouch for differs"),
    /** Same size, no comparable hash, and the destination's copy is older (or its time unknown). */
    OLDER_AT_DESTINATION("same size, but the destination's object is older or its time unknown"),
    /** Unchanged objects are not skipped (--no-skip-unchanged), so the destination was not compared. */
    NOT_COMPARED("the destination is not compared (unchanged objects are not skipped)"),
    /** A hash both stores vouch for agrees. */
    SAME_HASH("same size and a hash both stores vouch for"),
    /** Same entity tag within one server. */
    SAME_ETAG("same size and entity tag on one server"),
    /** Same size and the destination's copy is not older. */
    NOT_OLDER_AT_DESTINATION("same size and the destination's object is not older"),
    /** No plan applied (an event outside a planned run). */
    UNKNOWN("not planned");

    private final String text;

    PlanReason(String text) {
        this.text = text;
    }

    /** The reason in words. */
    public String text() {
        return text;
    }

    /** The reason as a manifest writes it: lower case with underscores, e.g. {@code size_differs}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
