package com.atlan.storage.testing;

import com.atlan.storage.store.Backend;
import com.atlan.storage.store.Features;
import com.atlan.storage.store.HashKind;
import com.atlan.storage.store.Hashes;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.KeyOrder;
import com.atlan.storage.store.ListingOrder;
import com.atlan.storage.store.MetadataField;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/** A thread-safe in-memory {@link Backend} for tests, listing in {@link KeyOrder} like real stores. */
public final class MemoryBackend implements Backend {

    private record Entry(ObjectInfo info, byte[] data) {}

    private final String name;
    private final ConcurrentSkipListMap<String, Entry> objects = new ConcurrentSkipListMap<>(KeyOrder.COMPARATOR);

    public MemoryBackend(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Reports MD5s, keeps times and every kind of metadata, lists in code point order, no server-side copy. */
    @Override
    public Features features() {
        return new Features(
                Set.of(HashKind.MD5),
                Set.of(),
                true,
                EnumSet.allOf(MetadataField.class),
                ListingOrder.CODE_POINT,
                null,
                false,
                false);
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        String p = prefix == null ? "" : prefix;
        boolean after = startAfter != null && !startAfter.isEmpty() && KeyOrder.compare(startAfter, p) >= 0;
        var tail = after ? objects.tailMap(startAfter, false) : objects.tailMap(p, true);
        return tail.values().stream()
                .map(e -> e.info().withMetadata(null)) // listings carry no metadata, as on real stores
                .takeWhile(info -> info.key().startsWith(p));
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return Optional.ofNullable(objects.get(key)).map(Entry::info);
    }

    @Override
    public ObjectContent open(String key) {
        Entry e = entry(key);
        return new ObjectContent(new ByteArrayInputStream(e.data()), e.info());
    }

    @Override
    public ObjectContent open(String key, long offset, long length) {
        Entry e = entry(key);
        byte[] data = e.data();
        int from = (int) Math.min(Math.max(offset, 0), data.length);
        int count = (int) Math.min(Math.max(length, 0), data.length - from);
        return new ObjectContent(new ByteArrayInputStream(data, from, count), e.info());
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, PutOptions options) {
        byte[] bytes;
        try {
            bytes = data.readNBytes((int) length);
            if (bytes.length != length || data.read() != -1) {
                throw new IntegrityException(name, key, "expected " + length + " bytes");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant mtime = options.lastModified() != null ? options.lastModified() : Instant.now();
        String md5 = md5(bytes);
        ObjectInfo info =
                new ObjectInfo(key, bytes.length, mtime, md5, Hashes.of(HashKind.MD5, md5), options.metadata());
        objects.put(key, new Entry(info, bytes));
        return info;
    }

    @Override
    public boolean delete(String key) {
        return objects.remove(key) != null;
    }

    private Entry entry(String key) {
        Entry e = objects.get(key);
        if (e == null) {
            throw new ObjectNotFoundException(name, key, "no object '" + key + "' in " + name);
        }
        return e;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
