package com.atlan.storage.migrate;

import com.atlan.storage.store.ObjectInfo;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Decides, object by object in listing order, what a migration does: walks the source and destination
 * listings side by side ({@link ListingJoin}) and plans {@link PlannedObject.Action#SKIP} for a source object
 * whose destination twin has the same content ({@link ContentMatch}), {@link PlannedObject.Action#COPY}
 * otherwise. Objects only at the destination are ignored. No request per object; constant memory.
 */
final class Planner implements Iterator<PlannedObject> {

    private final ListingJoin join;
    private final ContentMatch match;
    private PlannedObject next;

    private Planner(ListingJoin join, ContentMatch match) {
        this.join = join;
        this.match = match;
    }

    /** Plans to skip what {@code destination} already holds, per {@code match}. */
    static Planner skippingUnchanged(
            Iterator<ObjectInfo> source, Iterator<ObjectInfo> destination, ContentMatch match) {
        return new Planner(new ListingJoin(source, destination), match);
    }

    /** Plans to copy every source object. */
    static Planner copyingAll(Iterator<ObjectInfo> source) {
        return new Planner(new ListingJoin(source, Collections.emptyIterator()), null);
    }

    @Override
    public boolean hasNext() {
        while (next == null && join.hasNext()) {
            ListingJoin.Pair pair = join.next();
            if (pair.source() == null) {
                continue;
            }
            boolean same = pair.destination() != null
                    && match.compare(pair.source(), pair.destination()).same();
            next = new PlannedObject(pair.source(), same ? PlannedObject.Action.SKIP : PlannedObject.Action.COPY);
        }
        return next != null;
    }

    @Override
    public PlannedObject next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        PlannedObject planned = next;
        next = null;
        return planned;
    }
}
