package com.atlan.storage.testing;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/** Delegates every call to another store; tests override the calls they want to disturb or observe. */
public class ForwardingBackend implements Backend {

    protected final Backend delegate;

    public ForwardingBackend(Backend delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    /**
     * The delegate's features without server-side copy: a copy between servers would bypass what a test puts
     * between them.
     */
    @Override
    public Features features() {
        Features f = delegate.features();
        return new Features(
                f.hashes(),
                f.verifiedOnWrite(),
                f.preservesModTime(),
                f.metadata(),
                f.listingOrder(),
                null,
                false,
                false);
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
    public int abortIncompleteWrites(String prefix, java.time.Instant initiatedBefore) {
        return delegate.abortIncompleteWrites(prefix, initiatedBefore);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
