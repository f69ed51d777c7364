package com.atlan.storage.listing;

import com.atlan.storage.store.ObjectInfo;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Walks two listings sorted in one order in lock step (a merge-join, like rclone's march) and yields each key once
 * with what each side holds for it. Holds one object per side: memory does not grow with the listings. The
 * listings must already be in {@code order} ({@link ListingReader} makes sure of it).
 */
public final class ListingJoin implements Iterator<ListingJoin.Pair> {

    /** A key and its object on each side; one side is {@code null} when only the other has the key. */
    public record Pair(ObjectInfo source, ObjectInfo destination) {

        /** The key both sides share. */
        public String key() {
            return source != null ? source.key() : destination.key();
        }
    }

    private final Iterator<ObjectInfo> sources;
    private final Iterator<ObjectInfo> destinations;
    private final Comparator<String> order;
    private ObjectInfo nextSource;
    private ObjectInfo nextDestination;

    /** A join of two listings sorted by {@code order}. */
    public ListingJoin(Iterator<ObjectInfo> sources, Iterator<ObjectInfo> destinations, Comparator<String> order) {
        this.sources = sources;
        this.destinations = destinations;
        this.order = order;
    }

    @Override
    public boolean hasNext() {
        if (nextSource == null && sources.hasNext()) {
            nextSource = sources.next();
        }
        if (nextDestination == null && destinations.hasNext()) {
            nextDestination = destinations.next();
        }
        return nextSource != null || nextDestination != null;
    }

    @Override
    public Pair next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int c = nextSource == null
                ? 1
                : nextDestination == null ? -1 : order.compare(nextSource.key(), nextDestination.key());
        Pair pair = new Pair(c <= 0 ? nextSource : null, c >= 0 ? nextDestination : null);
        if (c <= 0) {
            nextSource = null;
        }
        if (c >= 0) {
            nextDestination = null;
        }
        return pair;
    }
}
