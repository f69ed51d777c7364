package com.atlan.storage.store;

import java.util.Objects;
import java.util.Set;

/**
 * What a backend can do and report beyond the basic operations, declared once per store. The engine decides
 * from these alone (never from a backend's class) how to copy, what to hash and how to plan.
 *
 * @param hashes           the kinds of {@link Hashes} the backend reports for objects when it knows them
 *                         ({@link ObjectInfo#hashes()} from listings, stat or reads)
 * @param verifiedOnWrite  the kinds {@link Backend#put} checks itself when {@link PutOptions#expected()} carries
 *                         them: other bytes fail with {@link IntegrityException} and leave no object under the key
 * @param preservesModTime {@link PutOptions#lastModified()} is kept (local files), so modification times compare
 * @param metadata         the {@link ObjectMetadata} fields the backend stores and reports
 * @param listingOrder     the order {@link Backend#list} yields keys in
 * @param copyDomain       stores with the same non-null domain copy server side ({@link Backend#copyFrom}) between
 *                         each other, e.g. one S3 endpoint with one set of credentials; {@code null} for none
 * @param presignsReads    {@link Backend#presignRead} gives URLs another service can read the object from
 * @param copiesFromUrls   {@link Backend#copyFrom} can copy from any store that presigns reads (Azure's Put Block
 *                         From URL), so bytes never pass through this process
 */
public record Features(
        Set<HashKind> hashes,
        Set<HashKind> verifiedOnWrite,
        boolean preservesModTime,
        Set<MetadataField> metadata,
        ListingOrder listingOrder,
        String copyDomain,
        boolean presignsReads,
        boolean copiesFromUrls) {

    /** A store that reports no hashes, keeps no times or metadata, lists unordered and cannot copy server side. */
    public static final Features BASIC =
            new Features(Set.of(), Set.of(), false, Set.of(), ListingOrder.UNORDERED, null, false, false);

    public Features {
        hashes = Set.copyOf(hashes);
        verifiedOnWrite = Set.copyOf(verifiedOnWrite);
        metadata = Set.copyOf(metadata);
        Objects.requireNonNull(listingOrder, "listingOrder");
    }

    /** Whether a store with these features can copy server side from a store with {@code source}'s. */
    public boolean canCopyFrom(Features source) {
        return (copyDomain != null && copyDomain.equals(source.copyDomain)) || (copiesFromUrls && source.presignsReads);
    }

    /** These features with another listing order (a component can say how its server lists). */
    public Features withListingOrder(ListingOrder order) {
        return new Features(
                hashes, verifiedOnWrite, preservesModTime, metadata, order, copyDomain, presignsReads, copiesFromUrls);
    }
}
