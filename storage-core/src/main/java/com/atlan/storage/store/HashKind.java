package com.atlan.storage.store;

/** The content hashes a backend may report for an object or verify on write. */
public enum HashKind {
    /** MD5 of the whole content (S3 single-part entity tags, Azure Content-MD5, GCS md5Hash). */
    MD5("MD5"),
    /** CRC32C of the whole content (GCS, S3 additional checksums). */
    CRC32C(null),
    /** CRC64/NVME of the whole content (S3 additional checksums). */
    CRC64NVME(null),
    /** SHA-256 of the whole content. */
    SHA256("SHA-256"),
    /**
     * S3's multipart entity tag, {@code md5(md5(part 1) ... md5(part N))-N}, as {@code <32 hex>-<N>}: a hash of the
     * content once the part size is known, which the tag does not say ({@link PartsMd5} tries the usual ones).
     */
    MD5_OF_PARTS(null);

    private final String jcaName;

    HashKind(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The JCA {@link java.security.MessageDigest} name, or {@code null} when the JDK has no digest of this kind. */
    public String jcaName() {
        return jcaName;
    }
}
