package com.atlan.storage.listing;

import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A contiguous range of keys in a plan's order: the keys after {@code startAfter} up to and including {@code endAt}.
 * A migration over a range lists only it, so ranges that share their bounds split a prefix into parts that can run
 * apart (on other machines) and add up to the whole: every key falls in exactly one of them.
 *
 * @param startAfter the range holds only keys after this one; {@code null}: from the first key
 * @param endAt      the range holds only keys at or before this one; {@code null}: to the last key
 */
public record KeyRange(String startAfter, String endAt) {

    /** Every key. */
    public static final KeyRange ALL = new KeyRange(null, null);

    public KeyRange {
        startAfter = startAfter == null || startAfter.isEmpty() ? null : startAfter;
        endAt = endAt == null || endAt.isEmpty() ? null : endAt;
    }

    /** Whether this range holds every key. */
    public boolean isAll() {
        return startAfter == null && endAt == null;
    }

    /** Whether this range is empty in {@code order} (its end is at or before its start). */
    public boolean isEmptyIn(Comparator<String> order) {
        return startAfter != null && endAt != null && order.compare(endAt, startAfter) <= 0;
    }

    /** Whether {@code key} falls in this range in {@code order}. */
    public boolean contains(String key, Comparator<String> order) {
        return (startAfter == null || order.compare(key, startAfter) > 0)
                && (endAt == null || order.compare(key, endAt) <= 0);
    }

    /**
     * Where a listing of this range starts when the keys up to {@code done} ({@code null}: none) are finished: the
     * later of {@code done} and {@link #startAfter()} in {@code order}.
     */
    public String listFrom(String done, Comparator<String> order) {
        if (done == null) {
            return startAfter;
        }
        return startAfter == null || order.compare(done, startAfter) > 0 ? done : startAfter;
    }

    /** {@code listing} (in {@code order}) cut after {@link #endAt()}; closing the result closes the listing. */
    public <T> Stream<T> cut(Stream<T> listing, Function<T, String> key, Comparator<String> order) {
        return endAt == null ? listing : listing.takeWhile(item -> order.compare(key.apply(item), endAt) <= 0);
    }

    @Override
    public String toString() {
        return "(" + (startAfter == null ? "start" : "'" + startAfter + "'") + ", "
                + (endAt == null ? "end" : "'" + endAt + "'") + "]";
    }
}
