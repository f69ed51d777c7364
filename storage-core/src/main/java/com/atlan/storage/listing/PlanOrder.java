package com.atlan.storage.listing;

import com.atlan.storage.store.ListingOrder;
import java.util.Comparator;

/**
 * The one key order a plan walks in, and which listings must be sorted into it. Both stores stream in place when
 * they declare the same known order; otherwise the plan takes the source's order when it is known (else the
 * destination's, else code point order) and the listings in another order, or in none, are sorted on disk
 * ({@link ExternalSorter}).
 *
 * @param order           the plan's order, never {@link ListingOrder#UNORDERED}
 * @param sortSource      whether the source listing must be sorted into it
 * @param sortDestination whether the destination listing must be sorted into it
 */
public record PlanOrder(ListingOrder order, boolean sortSource, boolean sortDestination) {

    /**
     * The order for a source listing in {@code source}'s order and, when {@code destinationListed}, a destination
     * listing in {@code destination}'s.
     */
    public static PlanOrder of(ListingOrder source, ListingOrder destination, boolean destinationListed) {
        ListingOrder plan;
        if (source != ListingOrder.UNORDERED) {
            plan = source;
        } else if (destinationListed && destination != ListingOrder.UNORDERED) {
            plan = destination;
        } else {
            plan = ListingOrder.CODE_POINT;
        }
        return new PlanOrder(plan, source != plan, destinationListed && destination != plan);
    }

    /** The comparator of the plan's order. */
    public Comparator<String> comparator() {
        return order.comparator();
    }

    /** Whether {@code key} sorts at or before {@code bound} ({@code null}: nothing does). */
    public boolean atOrBefore(String key, String bound) {
        return bound != null && comparator().compare(key, bound) <= 0;
    }
}
