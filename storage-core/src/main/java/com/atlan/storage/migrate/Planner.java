package com.atlan.storage.migrate;

import com.atlan.storage.accounting.PlanReason;
import com.atlan.storage.filter.ObjectFilter;
import com.atlan.storage.listing.ContentMatch;
import com.atlan.storage.listing.ListingJoin;
import com.atlan.storage.store.ObjectInfo;
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
    private final ObjectFilter filter;
    private PlannedObject next;

    /** Plans over {@code join}; with {@code match} {@code null} every object is copied. */
    Planner(ListingJoin join, ContentMatch match) {
        this(join, match, ObjectFilter.ALL);
    }

    /**
     * Plans over {@code join} for the source objects {@code filter} selects (the others are passed over, neither
     * copied nor counted); with {@code match} {@code null} every selected object is copied.
     */
    Planner(ListingJoin join, ContentMatch match, ObjectFilter filter) {
        this.join = join;
        this.match = match;
        this.filter = filter;
    }

    @Override
    public boolean hasNext() {
        while (next == null && join.hasNext()) {
            ListingJoin.Pair pair = join.next();
            if (pair.source() == null || !filter.test(pair.source())) {
                continue;
            }
            PlanReason reason = reason(pair.source(), pair.destination());
            boolean same = reason == PlanReason.SAME_HASH
                    || reason == PlanReason.SAME_ETAG
                    || reason == PlanReason.NOT_OLDER_AT_DESTINATION;
            next = new PlannedObject(
                    pair.source(),
                    same ? PlannedObject.Action.SKIP : PlannedObject.Action.COPY,
                    pair.destination(),
                    reason);
        }
        return next != null;
    }

    private PlanReason reason(ObjectInfo source, ObjectInfo destination) {
        if (match == null) {
            return PlanReason.NOT_COMPARED;
        }
        if (destination == null) {
            return PlanReason.NEW;
        }
        ContentMatch.Verdict verdict = match.compare(source, destination);
        return switch (verdict.basis()) {
            case SIZE -> PlanReason.SIZE_DIFFERS;
            case HASH -> verdict.same() ? PlanReason.SAME_HASH : PlanReason.HASH_DIFFERS;
            case ETAG -> PlanReason.SAME_ETAG;
            case MODIFICATION_TIME ->
                verdict.same() ? PlanReason.NOT_OLDER_AT_DESTINATION : PlanReason.OLDER_AT_DESTINATION;
        };
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
