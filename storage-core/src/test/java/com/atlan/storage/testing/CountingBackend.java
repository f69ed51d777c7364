package com.atlan.storage.testing;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Counts the requests made to a store and remembers which keys were written. */
public class CountingBackend extends ForwardingBackend {

    public final AtomicInteger lists = new AtomicInteger();
    public final AtomicInteger stats = new AtomicInteger();
    public final AtomicInteger opens = new AtomicInteger();
    public final AtomicInteger puts = new AtomicInteger();
    public final Set<String> putKeys = ConcurrentHashMap.newKeySet();

    public CountingBackend(Backend delegate) {
        super(delegate);
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        lists.incrementAndGet();
        return super.list(prefix, startAfter);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        stats.incrementAndGet();
        return super.stat(key);
    }

    @Override
    public ObjectContent open(String key) {
        opens.incrementAndGet();
        return super.open(key);
    }

    @Override
    public ObjectContent open(String key, long offset, long length) {
        opens.incrementAndGet();
        return super.open(key, offset, length);
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
        puts.incrementAndGet();
        putKeys.add(key);
        return super.put(key, data, length, options);
    }

    @Override
    public String toString() {
        return "lists=" + lists + " stats=" + stats + " opens=" + opens + " puts=" + puts;
    }
}
