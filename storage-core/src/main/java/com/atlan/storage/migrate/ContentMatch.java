package com.atlan.storage.migrate;

import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectStore;
import com.atlan.storage.store.PutOptions;

/**
 * Decides from listing metadata alone whether a destination object holds the same content as a source
 * object, so unchanged objects can be skipped without a request per object.
 *
 * <ol>
 *   <li>Different sizes: different.</li>
 *   <li>Both entity tags are plain MD5s (both stores declare {@code md5Etags} and neither tag is
 *       multipart-style {@code "...-N"}): same exactly when the tags are equal.</li>
 *   <li>Both stores are of the same type and the tags are equal: same (a multipart tag repeats only for
 *       the same parts).</li>
 *   <li>Otherwise: same when the destination was modified at or after the source (the local backend keeps
 *       the source's modification time; object stores record the upload time). Unknown times: different.</li>
 * </ol>
 */
final class ContentMatch {

    /** What a decision rested on. */
    enum Basis {
        SIZE,
        ETAG,
        MODIFICATION_TIME
    }

    /** A decision and what it rested on. */
    record Verdict(boolean same, Basis basis) {}

    private final boolean md5Etags;
    private final boolean sameType;

    ContentMatch(ObjectStore source, ObjectStore destination) {
        this.md5Etags =
                source.capabilities().md5Etags() && destination.capabilities().md5Etags();
        this.sameType = source.getClass() == destination.getClass();
    }

    /** Whether {@code destination} already holds {@code source}'s content. */
    Verdict compare(ObjectInfo source, ObjectInfo destination) {
        if (source.size() != destination.size()) {
            return new Verdict(false, Basis.SIZE);
        }
        String a = source.etag();
        String b = destination.etag();
        if (md5Etags && isPlainMd5(a) && isPlainMd5(b)) {
            return new Verdict(a.equalsIgnoreCase(b), Basis.ETAG);
        }
        if (sameType && a != null && a.equals(b)) {
            return new Verdict(true, Basis.ETAG);
        }
        boolean newer = source.lastModified() != null
                && destination.lastModified() != null
                && !destination.lastModified().isBefore(source.lastModified());
        return new Verdict(newer, Basis.MODIFICATION_TIME);
    }

    /** The object's MD5 as its store declares it, or {@code null} when the store declares none. */
    static String declaredMd5(ObjectStore store, ObjectInfo object) {
        String etag = object.etag();
        return store.capabilities().md5Etags() && isPlainMd5(etag) ? etag.toLowerCase(java.util.Locale.ROOT) : null;
    }

    /** Whether {@code etag} is a single-part MD5 entity tag (32 hex digits, no {@code -N} part count). */
    static boolean isPlainMd5(String etag) {
        return PutOptions.isHexMd5(etag);
    }
}
