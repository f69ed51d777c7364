package com.atlan.storage.store;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A listing fetched as it is consumed: a backend says only how to find the next object ({@link #computeNext}), and
 * this class holds it until it is taken and turns the listing into the ordered stream {@link Backend#list} returns.
 */
public abstract class ListingIterator implements Iterator<ObjectInfo> {

    private ObjectInfo next;
    private boolean done;

    /** For subclasses. */
    protected ListingIterator() {}

    /**
     * The next object of the listing, fetching pages as needed; {@code null} when there is none. Not called again once
     * it returned {@code null}.
     */
    protected abstract ObjectInfo computeNext();

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = computeNext();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final ObjectInfo next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ObjectInfo result = next;
        next = null;
        return result;
    }

    /** This listing as an ordered stream of non-null objects. */
    public final Stream<ObjectInfo> stream() {
        return stream(this);
    }

    /** {@code listing} as an ordered stream of non-null objects. */
    public static Stream<ObjectInfo> stream(Iterator<ObjectInfo> listing) {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(listing, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
