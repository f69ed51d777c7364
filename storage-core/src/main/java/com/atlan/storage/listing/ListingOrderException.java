package com.atlan.storage.listing;

import com.atlan.storage.store.ListingOrder;

/**
 * A store listed keys out of the order it declares (or listed one key twice), so its listing cannot be merged with
 * another or resumed: planning on it would report differences that are not there or miss objects that are. Names
 * the store and the two keys.
 */
public final class ListingOrderException extends RuntimeException {

    private final String store;

    /** {@code store} yielded {@code later} after {@code earlier} although it lists in {@code order}. */
    public ListingOrderException(String store, ListingOrder order, String earlier, String later) {
        super(
                earlier.equals(later)
                        ? "the listing of " + store + " yielded '" + later
                                + "' twice; it cannot be trusted to be complete"
                        : "the listing of " + store + " is not in the " + describe(order) + " it declares: '" + later
                                + "' came after '" + earlier + "'; it cannot be trusted to be complete");
        this.store = store;
    }

    /** The store whose listing broke its order. */
    public String store() {
        return store;
    }

    private static String describe(ListingOrder order) {
        return switch (order) {
            case CODE_POINT -> "code point (UTF-8 byte) order";
            case UTF16 -> "UTF-16 order";
            case UNORDERED -> "order";
        };
    }
}
