package com.atlan.storage.state.memory;

import com.atlan.storage.state.Condition;
import com.atlan.storage.state.StateBackend;
import com.atlan.storage.state.StateEntry;
import com.atlan.storage.state.StateStoreException;
import com.atlan.storage.store.KeyOrder;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * State in this process's memory, as Dapr's {@code state.in-memory} keeps it in the sidecar's: every store of one
 * component name in this JVM shares the values, and they are gone when the process ends. Conditional writes are
 * atomic ({@link ConcurrentMap#compute}).
 */
public final class InMemoryStateBackend implements StateBackend {

    private static final ConcurrentMap<String, ConcurrentMap<String, StateEntry>> STORES = new ConcurrentHashMap<>();
    private static final AtomicLong VERSIONS = new AtomicLong();

    private final String name;
    private final ConcurrentMap<String, StateEntry> values;
    private volatile boolean closed;

    private InMemoryStateBackend(String name, ConcurrentMap<String, StateEntry> values) {
        this.name = name;
        this.values = values;
    }

    /** The in-memory store of component {@code name}, shared by every store of that name in this JVM. */
    public static InMemoryStateBackend named(String name) {
        return new InMemoryStateBackend(name, STORES.computeIfAbsent(name, n -> new ConcurrentHashMap<>()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "state store '" + name + "' (state.in-memory)";
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public Optional<StateEntry> get(String key) {
        requireOpen();
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public Optional<String> put(String key, String value, Condition condition) {
        requireOpen();
        String version = Long.toString(VERSIONS.incrementAndGet());
        boolean[] written = {false};
        values.compute(key, (k, current) -> {
            written[0] = holds(condition, current);
            return written[0] ? new StateEntry(key, value, version) : current;
        });
        return written[0] ? Optional.of(version) : Optional.empty();
    }

    @Override
    public boolean delete(String key, Condition condition) {
        requireOpen();
        if (condition instanceof Condition.Absent) {
            throw new IllegalArgumentException("a delete cannot require absence");
        }
        boolean[] deleted = {false};
        values.computeIfPresent(key, (k, current) -> {
            if (holds(condition, current)) {
                deleted[0] = true;
                return null;
            }
            return current;
        });
        return deleted[0];
    }

    @Override
    public List<String> keys(String prefix) {
        requireOpen();
        return values.keySet().stream()
                .filter(k -> k.startsWith(prefix))
                .sorted(KeyOrder.COMPARATOR)
                .toList();
    }

    private static boolean holds(Condition condition, StateEntry current) {
        return switch (condition) {
            case Condition.Always a -> true;
            case Condition.Absent a -> current == null;
            case Condition.Version v -> current != null && current.version().equals(v.version());
        };
    }

    private void requireOpen() {
        if (closed) {
            throw new StateStoreException(describe() + " is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return describe();
    }
}
