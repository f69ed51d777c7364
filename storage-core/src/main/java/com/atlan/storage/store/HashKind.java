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
    SHA256("SHA-256");

    private final String jcaName;

    HashKind(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The JCA {@link java.security.MessageDigest} name, or {@code null} when the JDK has no digest of this kind. */
    public String jcaName() {
        return jcaName;
    }
}
