package com.atlan.storage.verify;

import com.atlan.storage.filter.ObjectFilter;
import com.atlan.storage.listing.ContentMatch;
import com.atlan.storage.listing.ExternalSorter;
import com.atlan.storage.listing.ListingJoin;
import com.atlan.storage.listing.ListingReader;
import com.atlan.storage.listing.PlanOrder;
import com.atlan.storage.retry.Retrier;
import com.atlan.storage.retry.RetryPolicy;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ContentHasher;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.KeyPrefix;
import com.atlan.storage.store.Messages;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.StorageException;
import com.atlan.storage.store.TransientStorageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares what a prefix selects at the source with the destination, without copying. Both sides are read by their
 * flat listings ({@link Backend#listFlat}: never a fan-out over folders, so a listing bug cannot hide the objects it
 * loses from the check), in one order (sorted on disk when a store lists in another or in none), merge-joined
 * ({@link ListingJoin}) and judged by {@link ContentMatch}. Listings and downloads are retried like transfers.
 *
 * <p>With {@code download}, objects of equal size whose hashes cannot be compared are read on both sides and
 * compared by SHA-256 instead of by modification time; nothing is held in memory.
 */
public final class Verifier {

    private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);

    private final Backend source;
    private final Backend destination;
    private final String rawPrefix;
    private final boolean download;

    private final Retrier retrier;
    private ObjectFilter filter = ObjectFilter.ALL;

    /** A comparison of what {@code prefix} selects; {@code download} hashes bytes when metadata cannot decide. */
    public Verifier(Backend source, Backend destination, String prefix, boolean download) {
        this(source, destination, prefix, download, Retrier.of(RetryPolicy.DEFAULT));
    }

    /** {@link #Verifier(Backend, Backend, String, boolean)} retrying listings and downloads with {@code retrier}. */
    public Verifier(Backend source, Backend destination, String prefix, boolean download, Retrier retrier) {
        this.source = Objects.requireNonNull(source, "source");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.rawPrefix = prefix == null ? "" : prefix;
        this.download = download;
        this.retrier = Objects.requireNonNull(retrier, "retrier");
    }

    /**
     * Compares only the objects {@code selected} selects, as a filtered migration copied them: a source object by
     * itself, an object only at the destination by itself.
     */
    public Verifier filter(ObjectFilter selected) {
        this.filter = Objects.requireNonNull(selected, "selected");
        return this;
    }

    /**
     * Compares the two sides.
     *
     * @throws StorageException when a listing or a download fails for good
     * @throws com.atlan.storage.listing.ListingOrderException when a store lists out of the order it declares
     * @throws java.util.concurrent.CancellationException when interrupted while waiting to retry
     */
    public VerificationReport run() {
        try {
            return compare();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("verifying prefix '" + rawPrefix + "' was interrupted");
        }
    }

    private VerificationReport compare() throws InterruptedException {
        source.requireReadable();
        KeyPrefix prefix = KeyPrefix.of(rawPrefix);
        ContentMatch match = new ContentMatch(source, destination);
        long total = 0;
        long matching = 0;
        long downloaded = 0;
        Tally missing = new Tally();
        Tally extra = new Tally();
        Tally differing = new Tally();
        PlanOrder order = PlanOrder.of(
                source.features().listingOrder(), destination.features().listingOrder(), true);
        ListingReader reader = new ListingReader(retrier, ExternalSorter.DEFAULT_RUN_SIZE, null);
        try (Stream<ObjectInfo> sources = reader.read(source, prefix, null, true, order, order.sortSource());
                Stream<ObjectInfo> destinations =
                        reader.read(destination, prefix, null, true, order, order.sortDestination())) {
            ListingJoin join = new ListingJoin(sources.iterator(), destinations.iterator(), order.comparator());
            while (join.hasNext()) {
                ListingJoin.Pair pair = join.next();
                if (!filter.test(pair.source() != null ? pair.source() : pair.destination())) {
                    continue;
                }
                if (pair.source() == null) {
                    extra.add(pair.key());
                    continue;
                }
                total++;
                if (pair.destination() == null) {
                    missing.add(pair.key());
                    continue;
                }
                ContentMatch.Verdict verdict = match.compare(pair.source(), pair.destination());
                boolean same = verdict.same();
                if (download && verdict.basis() == ContentMatch.Basis.MODIFICATION_TIME) {
                    same = sha256(source, pair.key()).equals(sha256(destination, pair.key()));
                    downloaded++;
                }
                if (same) {
                    matching++;
                } else {
                    differing.add(pair.key());
                }
            }
        }
        VerificationReport report = new VerificationReport(
                total,
                matching,
                missing.count,
                extra.count,
                differing.count,
                downloaded,
                missing.keys,
                extra.keys,
                differing.keys,
                rawPrefix,
                source.name(),
                destination.name());
        LOG.info(
                "verified prefix '{}' of {} against {}: {} objects, {} matching, {} missing, {} extra, {} differing",
                rawPrefix,
                source.name(),
                destination.name(),
                total,
                matching,
                report.missing(),
                report.extra(),
                report.differing());
        return report;
    }

    private String sha256(Backend store, String key) throws InterruptedException {
        return retrier.call("hashing '" + key + "' in " + store.name(), () -> sha256Once(store, key));
    }

    private static String sha256Once(Backend store, String key) {
        try (InputStream in = store.open(key)) {
            ContentHasher sha256 = new ContentHasher(Set.of(HashKind.SHA256));
            sha256.feed(in);
            return sha256.finish().get(HashKind.SHA256).orElseThrow();
        } catch (IOException e) {
            throw new TransientStorageException(
                    store.name(),
                    key,
                    "reading '" + key + "' from " + store.name() + " to hash it failed: " + Messages.of(e),
                    e);
        }
    }

    /** An exact count and the first {@link VerificationReport#MAX_KEYS} keys. */
    private static final class Tally {
        private long count;
        private final List<String> keys = new ArrayList<>();

        void add(String key) {
            count++;
            if (keys.size() < VerificationReport.MAX_KEYS) {
                keys.add(key);
            }
        }
    }
}
