package com.atlan.storage.store;

/**
 * What a backend can do beyond the basic operations.
 *
 * @param serverSideCopy   {@link ObjectStore#copyFrom} works for some sources (see {@link ObjectStore#canCopyFrom})
 * @param preservesMtime   {@link PutOptions#lastModified()} is honoured on write
 * @param md5Etags         single-part entity tags are the hex MD5 of the content
 */
public record Capabilities(boolean serverSideCopy, boolean preservesMtime, boolean md5Etags) {

    /** A store that can only list, read, write and delete. */
    public static final Capabilities BASIC = new Capabilities(false, false, false);
}
