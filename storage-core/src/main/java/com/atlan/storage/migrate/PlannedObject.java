package com.atlan.storage.migrate;

import com.atlan.storage.store.ObjectInfo;

/**
 * A source object and what to do with it.
 *
 * @param source the object as the source listed it
 * @param action whether to copy or skip it
 * @param twin   the destination's object under the same key, or {@code null} when it has none (or was not listed)
 */
record PlannedObject(ObjectInfo source, Action action, ObjectInfo twin) {

    /** What the planner decided. */
    enum Action {
        /** The destination lacks the object or holds other content. */
        COPY,
        /** The destination already holds the same content. */
        SKIP
    }
}
