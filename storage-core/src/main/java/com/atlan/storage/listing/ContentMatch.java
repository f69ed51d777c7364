package com.atlan.storage.listing;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.ObjectInfo;

/**
 * Decides from listing metadata alone whether a destination object holds the same content as a source object,
 * so unchanged objects can be skipped without a request per object.
 *
 * <ol>
 *   <li>Different sizes: different.
 *   <li>Hashes of a kind both stores vouch for ({@link ObjectInfo#hashes()}): same exactly when they agree.
 *   <li>Both stores are in one copy domain ({@link com.atlan.storage.store.Features#copyDomain()}, one server) and
 *       the entity tags are equal: same (a server repeats a tag only for the same content).
 *   <li>Otherwise: same when the destination was modified at or after the source (a store that keeps times holds
 *       the source's; object stores record the upload time). Unknown times: different.
 * </ol>
 */
public final class ContentMatch {

    /** What a decision rested on. */
    public enum Basis {
        SIZE,
        HASH,
        ETAG,
        MODIFICATION_TIME
    }

    /** A decision and what it rested on. */
    public record Verdict(boolean same, Basis basis) {}

    private final boolean sameDomain;

    /** Judges objects of {@code source} against their twins in {@code destination}. */
    public ContentMatch(Backend source, Backend destination) {
        String domain = source.features().copyDomain();
        this.sameDomain = domain != null && domain.equals(destination.features().copyDomain());
    }

    /** Whether {@code destination} already holds {@code source}'s content. */
    public Verdict compare(ObjectInfo source, ObjectInfo destination) {
        if (source.size() != destination.size()) {
            return new Verdict(false, Basis.SIZE);
        }
        Hashes.Comparison hashes = source.hashes().compare(destination.hashes());
        if (hashes != Hashes.Comparison.UNKNOWN) {
            return new Verdict(hashes == Hashes.Comparison.SAME, Basis.HASH);
        }
        if (sameDomain && source.etag() != null && source.etag().equals(destination.etag())) {
            return new Verdict(true, Basis.ETAG);
        }
        boolean newer = source.lastModified() != null
                && destination.lastModified() != null
                && !destination.lastModified().isBefore(source.lastModified());
        return new Verdict(newer, Basis.MODIFICATION_TIME);
    }
}
