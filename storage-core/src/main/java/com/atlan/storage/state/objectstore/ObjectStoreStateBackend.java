package com.atlan.storage.state.objectstore;

import com.atlan.storage.state.Condition;
import com.atlan.storage.state.StateBackend;
import com.atlan.storage.state.StateEntry;
import com.atlan.storage.state.StateStoreException;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.KeyOrder;
import com.atlan.storage.store.ObjectContent;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.ObjectNotFoundException;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * State as JSON objects in an object store, one object per key, as the Atlan SDK 2.8.7 kept it (its
 * {@code StateStore} wrote {@code persistent-artifacts/apps/...} into the upstream store).
 *
 * <p>A value's version is the SHA-256 of its bytes. The object store SPI has no conditional write yet, so a
 * conditional write re-reads the object and writes only if the version still holds, under a lock per key shared by
 * every such store in this JVM: concurrent writers in one process never lose an update, but two processes writing
 * one key at the same moment can ({@link #atomicAcrossProcesses()} is false). Use a database or Redis for state
 * that several processes write at once.
 */
public final class ObjectStoreStateBackend implements StateBackend {

    private static final ConcurrentMap<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final String name;
    private final Backend store;

    /** State kept in {@code store}, which this backend closes. */
    public ObjectStoreStateBackend(String name, Backend store) {
        this.name = name;
        this.store = store;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "state store '" + name + "' (state.objectstore on object store '" + store.name() + "')";
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public boolean atomicAcrossProcesses() {
        return false;
    }

    @Override
    public Optional<StateEntry> get(String key) {
        try (ObjectContent content = store.open(key)) {
            byte[] bytes = content.readAllBytes();
            return Optional.of(new StateEntry(key, new String(bytes, StandardCharsets.UTF_8), version(bytes)));
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        } catch (StorageException | IOException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public Optional<String> put(String key, String value, Condition condition) {
        ReentrantLock lock = lockOf(key);
        lock.lock();
        try {
            if (!holds(condition, key)) {
                return Optional.empty();
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            try {
                ObjectInfo unused = store.put(key, new ByteArrayInputStream(bytes), bytes.length, PutOptions.DEFAULT);
            } catch (StorageException e) {
                throw failure("write", key, e);
            }
            return Optional.of(version(bytes));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean delete(String key, Condition condition) {
        if (condition instanceof Condition.Absent) {
            throw new IllegalArgumentException("a delete cannot require absence");
        }
        ReentrantLock lock = lockOf(key);
        lock.lock();
        try {
            if (!holds(condition, key)) {
                return false;
            }
            return store.delete(key);
        } catch (StorageException e) {
            throw failure("delete", key, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<String> keys(String prefix) {
        try (Stream<ObjectInfo> objects = store.list(prefix, null)) {
            return objects.map(ObjectInfo::key)
                    .filter(k -> k.startsWith(prefix))
                    .sorted(KeyOrder.COMPARATOR)
                    .toList();
        } catch (StorageException e) {
            throw failure("list", prefix, e);
        }
    }

    private boolean holds(Condition condition, String key) {
        return switch (condition) {
            case Condition.Always a -> true;
            case Condition.Absent a -> get(key).isEmpty();
            case Condition.Version v ->
                get(key).map(e -> e.version().equals(v.version())).orElse(false);
        };
    }

    private ReentrantLock lockOf(String key) {
        return LOCKS.computeIfAbsent(store.name() + "\0" + key, k -> new ReentrantLock());
    }

    private static String version(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private StateStoreException failure(String what, String key, Exception e) {
        return new StateStoreException(describe() + ": cannot " + what + " '" + key + "': " + e.getMessage(), e);
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return describe();
    }
}
