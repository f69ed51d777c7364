package com.atlan.storage.bench;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/** A destination that reads every byte it is given and keeps nothing; it counts what it received. */
final class DiscardingStore implements Backend {

    private final LongAdder objects = new LongAdder();
    private final LongAdder bytes = new LongAdder();

    /** Keeps nothing, so it lists nothing, in any order. */
    @Override
    public Features features() {
        return Features.BASIC.withListingOrder(ListingOrder.CODE_POINT);
    }

    @Override
    public String name() {
        return "discarding-destination";
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        return Stream.empty();
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return Optional.empty();
    }

    @Override
    public ObjectContent open(String key) {
        throw new ObjectNotFoundException(name(), key, "the discarding store keeps nothing");
    }

    @Override
    public ObjectContent open(String key, long offset, long length) {
        return open(key);
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
        try {
            long n = data.transferTo(OutputSink.INSTANCE);
            objects.increment();
            bytes.add(n);
            return ObjectInfo.of(key, n, options.lastModified());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean delete(String key) {
        return false;
    }

    long objects() {
        return objects.sum();
    }

    long bytes() {
        return bytes.sum();
    }

    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
