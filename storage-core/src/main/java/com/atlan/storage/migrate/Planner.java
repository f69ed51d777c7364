package com.atlan.storage.migrate;

import com.atlan.storage.listing.ContentMatch;
import com.atlan.storage.listing.ListingJoin;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Decides, object by object in the plan's order, what a migration does: walks the joined source and destination
 * listings ({@link ListingJoin}) and plans {@link PlannedObject.Action#SKIP} for a source object whose destination
 * twin has the same content ({@link ContentMatch}), {@link PlannedObject.Action#COPY} otherwise. Objects only at the
 * destination are ignored. No request per object; constant memory.
 */
final class Planner implements Iterator<PlannedObject> {

    private final ListingJoin join;
    private final ContentMatch match;
    private PlannedObject next;

    /** Plans over {@code join}; with {@code match} {@code null} every object is copied. */
    Planner(ListingJoin join, ContentMatch match) {
        this.join = join;
        this.match = match;
    }

    @Override
    public boolean hasNext() {
        while (next == null && join.hasNext()) {
            ListingJoin.Pair pair = join.next();
            if (pair.source() == null) {
                continue;
            }
            boolean same = match != null
                    && pair.destination() != null
                    && match.compare(pair.source(), pair.destination()).same();
            next = new PlannedObject(
                    pair.source(), same ? PlannedObject.Action.SKIP : PlannedObject.Action.COPY, pair.destination());
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
