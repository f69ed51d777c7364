package com.atlan.storage.migrate;

import com.atlan.storage.store.KeyOrder;
import com.atlan.storage.store.ObjectInfo;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Walks two listings sorted in {@link KeyOrder} in lock step (a merge-join, like rclone's march) and
 * yields each key once with what each side holds for it. Holds one object per side: memory does not grow
 * with the listings.
 */
final class ListingJoin implements Iterator<ListingJoin.Pair> {

    /** A key and its object on each side; one side is {@code null} when only the other has the key. */
    record Pair(ObjectInfo source, ObjectInfo destination) {

        String key() {
            return source != null ? source.key() : destination.key();
        }
    }

    private final Iterator<ObjectInfo> sources;
    private final Iterator<ObjectInfo> destinations;
    private ObjectInfo nextSource;
    private ObjectInfo nextDestination;
    private String lastSourceKey;
    private String lastDestinationKey;

    ListingJoin(Iterator<ObjectInfo> sources, Iterator<ObjectInfo> destinations) {
        this.sources = sources;
        this.destinations = destinations;
    }

    @Override
    public boolean hasNext() {
        fill();
        return nextSource != null || nextDestination != null;
    }

    @Override
    public Pair next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int order = nextSource == null
                ? 1
                : nextDestination == null ? -1 : KeyOrder.compare(nextSource.key(), nextDestination.key());
        Pair pair = new Pair(order <= 0 ? nextSource : null, order >= 0 ? nextDestination : null);
        if (order <= 0) {
            nextSource = null;
        }
        if (order >= 0) {
            nextDestination = null;
        }
        return pair;
    }

    private void fill() {
        if (nextSource == null && sources.hasNext()) {
            nextSource = sources.next();
            lastSourceKey = checkOrder(lastSourceKey, nextSource.key(), "source");
        }
        if (nextDestination == null && destinations.hasNext()) {
            nextDestination = destinations.next();
            lastDestinationKey = checkOrder(lastDestinationKey, nextDestination.key(), "destination");
        }
    }

    /** A join of unsorted listings would report wrong differences; refuse instead. */
    private static String checkOrder(String previous, String key, String side) {
        if (previous != null && KeyOrder.compare(previous, key) >= 0) {
            throw new IllegalStateException(
                    "the " + side + " listing is not in key order: '" + key + "' came after '" + previous + "'");
        }
        return key;
    }
}
