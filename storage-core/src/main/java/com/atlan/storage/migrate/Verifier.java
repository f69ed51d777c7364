package com.atlan.storage.migrate;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.KeyPrefix;
import com.atlan.storage.store.Listings;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.TransientStorageException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares what a prefix selects at the source with the destination, without copying: the same merge-join
 * of the two listings as the migration's planner ({@link ListingJoin}), judged by {@link ContentMatch}.
 *
 * <p>With {@code download}, objects of equal size whose entity tags cannot be compared are read on both
 * sides and compared by SHA-256 instead of by modification time; nothing is held in memory.
 */
public final class Verifier {

    private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);

    private final Backend source;
    private final Backend destination;
    private final String rawPrefix;
    private final boolean download;

    /** A comparison of what {@code prefix} selects; {@code download} hashes bytes when metadata cannot decide. */
    public Verifier(Backend source, Backend destination, String prefix, boolean download) {
        this.source = Objects.requireNonNull(source, "source");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.rawPrefix = prefix == null ? "" : prefix;
        this.download = download;
    }

    /**
     * Compares the two sides.
     *
     * @throws com.atlan.storage.store.StorageException when a listing or a download fails
     */
    public VerificationReport run() {
        KeyPrefix prefix = KeyPrefix.of(rawPrefix);
        ContentMatch match = new ContentMatch(source, destination);
        long total = 0;
        long matching = 0;
        long downloaded = 0;
        Tally missing = new Tally();
        Tally extra = new Tally();
        Tally differing = new Tally();
        try (Stream<ObjectInfo> sources = Listings.select(source, prefix, null);
                Stream<ObjectInfo> destinations = Listings.select(destination, prefix, null)) {
            ListingJoin join = new ListingJoin(sources.iterator(), destinations.iterator());
            while (join.hasNext()) {
                ListingJoin.Pair pair = join.next();
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
                    same = Arrays.equals(sha256(source, pair.key()), sha256(destination, pair.key()));
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

    private static byte[] sha256(Backend store, String key) {
        try (InputStream in = store.open(key)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        } catch (IOException e) {
            throw new TransientStorageException(
                    store.name(), key, "reading '" + key + "' from " + store.name() + " to hash it failed: " + e, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
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
