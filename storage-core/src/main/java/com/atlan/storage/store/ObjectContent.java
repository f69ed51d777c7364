package com.atlan.storage.store;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * An object's bytes being read, with what the read told about the object: its full size, entity tag, hashes
 * and metadata as the server sent them with the content (an S3 GET's headers, say). Reading is what
 * {@link InputStream} does; a range read describes the whole object, not the range.
 */
public class ObjectContent extends FilterInputStream {

    private final ObjectInfo info;

    /** {@code in}'s bytes, described by {@code info} (whose metadata may be {@code null} when the read did not say). */
    public ObjectContent(InputStream in, ObjectInfo info) {
        super(Objects.requireNonNull(in, "in"));
        this.info = Objects.requireNonNull(info, "info");
    }

    /**
     * These bytes passed through {@code wrapper} (a counting or checking stream, say), with the same description.
     * Closing the result closes this content.
     */
    public ObjectContent wrap(java.util.function.UnaryOperator<InputStream> wrapper) {
        return new ObjectContent(wrapper.apply(this), info);
    }

    /**
     * No bytes of an object that exists (a range past its end, or of length zero), described by {@code store}'s
     * {@link Backend#stat}.
     *
     * @throws ObjectNotFoundException when no object has this key
     */
    public static ObjectContent empty(Backend store, String key) {
        return new ObjectContent(InputStream.nullInputStream(), store.require(key));
    }

    /** What the read learned about the object. */
    public ObjectInfo info() {
        return info;
    }

    // FilterInputStream.read(byte[]) goes through read(byte[], int, int); bulk reads stay bulk.
    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
        return in.read(b, off, len);
    }

    @Override
    public long transferTo(java.io.OutputStream out) throws java.io.IOException {
        return in.transferTo(out);
    }
}
