package com.atlan.storage.testing;

import com.atlan.storage.store.Capabilities;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectStore;
import com.atlan.storage.store.PutOptions;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/** Delegates every call to another store; tests override the calls they want to disturb or observe. */
public class ForwardingObjectStore implements ObjectStore {

    protected final ObjectStore delegate;

    public ForwardingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Capabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public boolean checksExpectedMd5(long size) {
        return delegate.checksExpectedMd5(size);
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        return delegate.list(prefix, startAfter);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return delegate.stat(key);
    }

    @Override
    public InputStream open(String key) {
        return delegate.open(key);
    }

    @Override
    public InputStream open(String key, long offset, long length) {
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
    public void close() {
        delegate.close();
    }
}
