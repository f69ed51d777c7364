package com.atlan.storage.store;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link Backend} that hands every call to another: the base of decorators that limit, count or time a store's
 * requests. Subclasses override what they change; {@link #copyFrom} passes the undecorated source on, so a store
 * recognises its peer.
 */
public abstract class DelegatingBackend implements Backend {

    /** The store every call goes to. */
    protected final Backend delegate;

    protected DelegatingBackend(Backend delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The innermost store under any number of decorators. */
    public static Backend unwrap(Backend store) {
        Backend b = store;
        while (b instanceof DelegatingBackend d) {
            b = d.delegate;
        }
        return b;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Features features() {
        return delegate.features();
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        return delegate.list(prefix, startAfter);
    }

    @Override
    public Stream<ObjectInfo> listFlat(String prefix, String startAfter) {
        return delegate.listFlat(prefix, startAfter);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return delegate.stat(key);
    }

    @Override
    public ObjectContent open(String key) {
        return delegate.open(key);
    }

    @Override
    public ObjectContent open(String key, long offset, long length) {
        return delegate.open(key, offset, length);
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
        return delegate.put(key, data, length, options);
    }

    @Override
    public boolean delete(String key) {
        return delegate.delete(key);
    }

    @Override
    public ObjectInfo copyFrom(Backend source, ObjectInfo object) {
        return delegate.copyFrom(unwrap(source), object);
    }

    @Override
    public Optional<URI> presignRead(String key, Duration validFor) {
        return delegate.presignRead(key, validFor);
    }

    @Override
    public int abortIncompleteWrites(String prefix, java.time.Instant initiatedBefore) {
        return delegate.abortIncompleteWrites(prefix, initiatedBefore);
    }

    @Override
    public void requireReadable() {
        delegate.requireReadable();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
