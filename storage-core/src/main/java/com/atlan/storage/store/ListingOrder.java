package com.atlan.storage.store;

import java.util.Comparator;

/**
 * The order a backend lists keys in. The engine merges two listings in their common order, and sorts a
 * listing itself (on disk beyond a bound) when the orders differ or one is {@link #UNORDERED}.
 */
public enum ListingOrder {
    /** By Unicode code point, which is UTF-8 byte order: AWS S3, Azure, GCS, the local backend. */
    CODE_POINT,
    /** By UTF-16 code unit, Java's {@link String#compareTo}: S3Proxy, Adobe S3Mock. */
    UTF16,
    /** No order can be relied on (file-system walks, some S3-compatible servers). */
    UNORDERED;

    /** The comparator of this order; {@code null} for {@link #UNORDERED}. */
    public Comparator<String> comparator() {
        return switch (this) {
            case CODE_POINT -> KeyOrder.COMPARATOR;
            case UTF16 -> Comparator.naturalOrder();
            case UNORDERED -> null;
        };
    }
}
