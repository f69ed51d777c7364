package com.atlan.storage.listing;

import com.atlan.storage.retry.Retrier;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.KeyPrefix;
import com.atlan.storage.store.ListingIterator;
import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.Listings;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.StorageException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a prefix selects in a store as a listing the engine can rely on: in the plan's order, checked against
 * the order the store declares, and retried.
 *
 * <ul>
 *   <li>A store that lists in the plan's order streams: a listing that fails transiently is reopened after the last
 *       key it delivered, with backoff, as often as the retry policy allows between two delivered keys.
 *   <li>Any other store is read whole into an {@link ExternalSorter} (memory stays bounded, runs spill to disk) and
 *       served sorted; a transient failure restarts its listing from the beginning, within the same budget.
 *   <li>A key out of the store's declared order, or a key listed twice, is a {@link ListingOrderException}: a
 *       listing that cannot be made consistent is an error, never a silent gap.
 * </ul>
 */
public final class ListingReader {

    private static final Logger LOG = LoggerFactory.getLogger(ListingReader.class);
    private static final int INTERRUPT_CHECK_EVERY = 1024;

    private final Retrier retrier;
    private final int sortRunSize;
    private final Path tempFolder;

    /** Listings retried by {@code retrier}, sorted with {@code sortRunSize} objects in memory under {@code tempFolder}. */
    public ListingReader(Retrier retrier, int sortRunSize, Path tempFolder) {
        this.retrier = retrier;
        this.sortRunSize = sortRunSize;
        this.tempFolder = tempFolder;
    }

    /**
     * The objects {@code prefix} selects in {@code store} after {@code startAfter} ({@code null}: all), in {@code
     * plan}'s order; {@code sorted} when the store does not list in it. {@code flat} reads the store's simplest
     * listing ({@link Backend#listFlat}). The stream must be closed.
     *
     * @throws StorageException      when the listing fails for good
     * @throws ListingOrderException when the store breaks its declared order
     * @throws CancellationException when the thread is interrupted
     */
    public Stream<ObjectInfo> read(
            Backend store, KeyPrefix prefix, String startAfter, boolean flat, PlanOrder plan, boolean sorted) {
        Function<String, Stream<ObjectInfo>> open =
                after -> flat ? Listings.selectFlat(store, prefix, after) : Listings.select(store, prefix, after);
        ListingOrder declared = store.features().listingOrder();
        if (!sorted) {
            Reopening reopening = new Reopening(store.name(), open, startAfter);
            return stream(new OrderChecked(reopening, store.name(), declared)).onClose(reopening::close);
        }
        Comparator<String> order = plan.comparator();
        Retrier.Budget budget = retrier.budget();
        while (true) {
            ExternalSorter sorter = new ExternalSorter(order, sortRunSize, tempFolder);
            try (Stream<ObjectInfo> listing = open.apply(null)) {
                Iterator<ObjectInfo> it = listing.iterator();
                if (declared != ListingOrder.UNORDERED) {
                    it = new OrderChecked(it, store.name(), declared);
                }
                long n = 0;
                while (it.hasNext()) {
                    ObjectInfo object = it.next();
                    if (startAfter == null || order.compare(object.key(), startAfter) > 0) {
                        sorter.add(object);
                    }
                    if (++n % INTERRUPT_CHECK_EVERY == 0
                            && Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("listing " + store.name() + " was cancelled");
                    }
                }
                if (sorter.runs() > 0) {
                    LOG.info("sorted {} objects of {} on disk in {} runs", n, store.name(), sorter.runs());
                }
                return stream(new OrderChecked(sorter.sorted(), store.name(), plan.order()))
                        .onClose(sorter::close);
            } catch (StorageException e) {
                sorter.close();
                if (!budget.mayRetry(e)) {
                    throw e;
                }
                LOG.warn("listing {} failed; listing it again from the start: {}", store.name(), e.getMessage());
                pause("listing " + store.name(), budget.attempts(), e);
            } catch (RuntimeException | Error e) {
                sorter.close();
                throw e;
            }
        }
    }

    private void pause(String what, int attempt, StorageException e) {
        try {
            retrier.pause(what, attempt, e);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException(what + " was cancelled while waiting to retry");
        }
    }

    private static Stream<ObjectInfo> stream(Iterator<ObjectInfo> it) {
        return ListingIterator.stream(it);
    }

    /** A listing that reopens after the last key it delivered when it fails transiently. */
    private final class Reopening implements Iterator<ObjectInfo>, AutoCloseable {
        private final String store;
        private final Function<String, Stream<ObjectInfo>> open;
        private String after;
        private Stream<ObjectInfo> current;
        private Iterator<ObjectInfo> it;
        private final Retrier.Budget failures = retrier.budget();

        Reopening(String store, Function<String, Stream<ObjectInfo>> open, String startAfter) {
            this.store = store;
            this.open = open;
            this.after = startAfter;
        }

        @Override
        public boolean hasNext() {
            while (true) {
                try {
                    if (it == null) {
                        current = open.apply(after);
                        it = current.iterator();
                    }
                    return it.hasNext();
                } catch (StorageException e) {
                    close();
                    if (!failures.mayRetry(e)) {
                        throw e;
                    }
                    LOG.warn(
                            "listing {} failed{}; reopening it: {}",
                            store,
                            after == null ? "" : " after '" + after + "'",
                            e.getMessage());
                    pause("listing " + store, failures.attempts(), e);
                }
            }
        }

        @Override
        public ObjectInfo next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ObjectInfo object = it.next();
            after = object.key();
            failures.reset();
            return object;
        }

        @Override
        public void close() {
            if (current != null) {
                try {
                    current.close();
                } catch (RuntimeException e) {
                    LOG.debug("closing a failed listing of {}", store, e);
                }
            }
            current = null;
            it = null;
        }
    }

    /** Passes a listing on while each key sorts after the one before in {@code order}. */
    private static final class OrderChecked implements Iterator<ObjectInfo> {
        private final Iterator<ObjectInfo> in;
        private final String store;
        private final ListingOrder order;
        private final Comparator<String> comparator;
        private String previous;

        OrderChecked(Iterator<ObjectInfo> in, String store, ListingOrder order) {
            this.in = in;
            this.store = store;
            this.order = order;
            this.comparator = order.comparator();
        }

        @Override
        public boolean hasNext() {
            return in.hasNext();
        }

        @Override
        public ObjectInfo next() {
            ObjectInfo object = in.next();
            if (previous != null && comparator != null && comparator.compare(previous, object.key()) >= 0) {
                throw new ListingOrderException(store, order, previous, object.key());
            }
            previous = object.key();
            return object;
        }
    }
}
