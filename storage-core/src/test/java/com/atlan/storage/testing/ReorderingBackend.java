package com.atlan.storage.testing;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.ObjectInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A store that lists in another order than its delegate and declares it: UTF-16 order (as S3Proxy), or no order at
 * all (a file system's, shuffled by a seed). An unordered store ignores start-after, as such servers do.
 */
public final class ReorderingBackend extends ForwardingBackend {

    private final ListingOrder order;
    private final long seed;

    public ReorderingBackend(Backend delegate, ListingOrder order, long seed) {
        super(delegate);
        this.order = order;
        this.seed = seed;
    }

    @Override
    public Features features() {
        return super.features().withListingOrder(order);
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        List<ObjectInfo> all = new ArrayList<>(delegate.list(prefix, null).toList());
        if (order == ListingOrder.UNORDERED) {
            Collections.shuffle(all, new Random(seed));
            return all.stream();
        }
        all.sort((a, b) -> order.comparator().compare(a.key(), b.key()));
        return all.stream().filter(o -> startAfter == null || order.comparator().compare(o.key(), startAfter) > 0);
    }
}
