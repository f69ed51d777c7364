package com.atlan.storage.temporal;

import com.atlan.storage.listing.ExternalSorter;
import com.atlan.storage.listing.ListingReader;
import com.atlan.storage.listing.PlanOrder;
import com.atlan.storage.retry.Retrier;
import com.atlan.storage.retry.RetryPolicy;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.KeyPrefix;
import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.ObjectInfo;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Cuts what a prefix selects into key ranges of about {@code objectsPerShard} objects (or {@code bytesPerShard}
 * bytes), reading one keys-only listing of the source page by page, in the order the shards' migrations will list
 * in, so the ranges meet exactly.
 *
 * <p>A range is cut at a folder boundary (the key's part before its last {@code /} changes) once it holds half its
 * target, so shards follow the delimiter prefixes of the data; a folder too large for one shard is split by
 * start-after at the target. Nothing but boundary keys is kept: memory is constant, and a page of {@code maxShards}
 * ranges costs one pass over their keys ({@code objects / 1000} list requests on S3). A source that lists in no
 * order cannot be cut without sorting it all for every page; it becomes one range.
 */
public final class ShardPlanner {

    private final ListingReader reader =
            new ListingReader(Retrier.of(RetryPolicy.DEFAULT), ExternalSorter.DEFAULT_RUN_SIZE, null);

    /**
     * The next page of ranges of {@code request.prefix()} in {@code source}, after {@code request.after()}; {@code
     * listed} hears how many keys were read (for heartbeats).
     */
    public ShardPlan plan(Backend source, Backend destination, PlanRequest request, LongConsumer listed) {
        PlanOrder order = PlanOrder.of(
                source.features().listingOrder(), destination.features().listingOrder(), request.skipUnchanged());
        if (source.features().listingOrder() == ListingOrder.UNORDERED) {
            return new ShardPlan(
                    source.name(),
                    destination.name(),
                    List.of(new ShardPlan.PlannedRange(request.after(), null, 0, 0)),
                    null,
                    true);
        }
        List<ShardPlan.PlannedRange> ranges = new ArrayList<>();
        String start = request.after();
        long objects = 0;
        long bytes = 0;
        String previous = null;
        long seen = 0;
        try (Stream<ObjectInfo> listing =
                reader.read(source, KeyPrefix.of(request.prefix()), start, false, order, false)) {
            Iterator<ObjectInfo> it = listing.iterator();
            while (it.hasNext()) {
                ObjectInfo object = it.next();
                if (objects > 0 && cutBefore(object.key(), previous, objects, bytes, request)) {
                    ranges.add(new ShardPlan.PlannedRange(start, previous, objects, bytes));
                    if (ranges.size() >= request.maxShards()) {
                        return new ShardPlan(source.name(), destination.name(), ranges, previous, false);
                    }
                    start = previous;
                    objects = 0;
                    bytes = 0;
                }
                objects++;
                bytes += object.size();
                previous = object.key();
                if (++seen % 1000 == 0) {
                    listed.accept(seen);
                }
            }
        }
        listed.accept(seen);
        if (objects > 0 || ranges.isEmpty()) {
            // The last range stays open to the end, so keys added after planning still fall in a shard.
            ranges.add(new ShardPlan.PlannedRange(start, null, objects, bytes));
        }
        return new ShardPlan(source.name(), destination.name(), ranges, previous, true);
    }

    /** Whether a range holding {@code objects} and {@code bytes}, last key {@code previous}, ends before {@code key}. */
    private static boolean cutBefore(String key, String previous, long objects, long bytes, PlanRequest request) {
        if (objects >= request.objectsPerShard() || bytes >= request.bytesPerShard()) {
            return true;
        }
        boolean halfFull = objects * 2 >= request.objectsPerShard() || bytes * 2 >= request.bytesPerShard();
        return halfFull && !folder(key).equals(folder(previous));
    }

    private static String folder(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }
}
