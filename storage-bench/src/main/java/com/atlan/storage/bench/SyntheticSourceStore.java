package com.atlan.storage.bench;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A read-only store of {@code count} generated objects {@code obj/0000000} ... of {@code size} bytes each,
 * listed in key order without holding them: the cheapest possible source, so a benchmark over it measures
 * the engine's own cost per object.
 */
final class SyntheticSourceStore implements Backend {

    private static final Instant MODIFIED = Instant.parse("2026-01-01T00:00:00Z");

    private final String name;
    private final long count;
    private final byte[] content;
    private final long changedIndex;

    SyntheticSourceStore(long count, int size) {
        this("synthetic-source", count, size, -1);
    }

    /**
     * A store named {@code name} whose object number {@code changedIndex} ({@code -1}: none) is listed one byte longer
     * than the others: as a destination, the one object an incremental re-run must copy again.
     */
    SyntheticSourceStore(String name, long count, int size, long changedIndex) {
        this.name = name;
        this.count = count;
        this.content = new byte[size];
        this.changedIndex = changedIndex;
    }

    static String key(long index) {
        return String.format("obj/%09d", index);
    }

    /** Lists its numbered keys in order; reports no hashes. */
    @Override
    public Features features() {
        return Features.BASIC.withListingOrder(ListingOrder.CODE_POINT);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        return LongStream.range(0, count)
                .mapToObj(i -> ObjectInfo.of(key(i), i == changedIndex ? content.length + 1 : content.length, MODIFIED))
                .filter(o -> o.key().startsWith(prefix))
                .filter(o -> startAfter == null || o.key().compareTo(startAfter) > 0);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return Optional.empty();
    }

    @Override
    public ObjectContent open(String key) {
        return new ObjectContent(new ByteArrayInputStream(content), ObjectInfo.of(key, content.length, null));
    }

    @Override
    public ObjectContent open(String key, long offset, long length) {
        return new ObjectContent(
                new ByteArrayInputStream(content, (int) offset, (int) Math.min(length, content.length - offset)),
                ObjectInfo.of(key, content.length, null));
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
        throw new UnsupportedOperationException("the synthetic source is read-only");
    }

    @Override
    public boolean delete(String key) {
        throw new UnsupportedOperationException("the synthetic source is read-only");
    }
}
