package com.atlan.storage.testing;

import com.atlan.storage.store.Capabilities;
import com.atlan.storage.store.IntegrityException;
import com.atlan.storage.store.KeyOrder;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.ObjectStore;
import com.atlan.storage.store.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/** A thread-safe in-memory {@link ObjectStore} for tests, listing in {@link KeyOrder} like real stores. */
public final class MemoryObjectStore implements ObjectStore {

    private record Entry(ObjectInfo info, byte[] data) {}

    private final String name;
    private final ConcurrentSkipListMap<String, Entry> objects = new ConcurrentSkipListMap<>(KeyOrder.COMPARATOR);

    public MemoryObjectStore(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(false, true, true);
    }

    @Override
    public Stream<ObjectInfo> list(String prefix, String startAfter) {
        String p = prefix == null ? "" : prefix;
        boolean after = startAfter != null && !startAfter.isEmpty() && KeyOrder.compare(startAfter, p) >= 0;
        var tail = after ? objects.tailMap(startAfter, false) : objects.tailMap(p, true);
        return tail.values().stream()
                .map(Entry::info)
                .takeWhile(info -> info.key().startsWith(p));
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return Optional.ofNullable(objects.get(key)).map(Entry::info);
    }

    @Override
    public InputStream open(String key) {
        return new ByteArrayInputStream(entry(key).data());
    }

    @Override
    public InputStream open(String key, long offset, long length) {
        byte[] data = entry(key).data();
        int from = (int) Math.min(Math.max(offset, 0), data.length);
        int count = (int) Math.min(Math.max(length, 0), data.length - from);
        return new ByteArrayInputStream(data, from, count);
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
        ObjectInfo info = new ObjectInfo(key, bytes.length, mtime, md5(bytes));
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
