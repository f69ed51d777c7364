package com.atlan.storage.store;

import java.util.Optional;

/**
 * A source stream that hashes what it delivers in parts and can hand a writer the MD5 of a part it has already
 * delivered, so a backend that sends a Content-MD5 with every part (S3 parts) does not hash the same bytes a second
 * time. The engine's verifying stream is one while it checks a multipart source tag ({@link PartsMd5}).
 */
public interface PartMd5Source {

    /**
     * The MD5 of the {@code length} bytes this stream delivered from {@code offset}, when it hashed exactly that range
     * and still holds the digest; empty otherwise, and the writer hashes the part itself. Safe to call from a thread
     * other than the reader's.
     */
    Optional<byte[]> partMd5(long offset, long length);
}
