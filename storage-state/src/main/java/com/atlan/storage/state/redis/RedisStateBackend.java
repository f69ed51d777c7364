package com.atlan.storage.state.redis;

import com.atlan.storage.state.Condition;
import com.atlan.storage.state.StateBackend;
import com.atlan.storage.state.StateEntry;
import com.atlan.storage.state.StateStoreException;
import com.atlan.storage.store.KeyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * State in Redis in the layout of Dapr's {@code state.redis}: one hash per key with the fields {@code data} (the
 * value) and {@code version} (a counter), so Dapr and atlan-storage can share a database. Conditional writes and
 * deletes are Lua scripts that compare the version and write in one step, atomic on the server.
 */
public final class RedisStateBackend implements StateBackend {

    /** ARGV: mode (always|absent|version), expected version, data. Returns the new version, or nil on conflict. */
    private static final String PUT = """
            local v = redis.call('HGET', KEYS[1], 'version')
            if ARGV[1] == 'absent' and v then return false end
            if ARGV[1] == 'version' and v ~= ARGV[2] then return false end
            redis.call('HSET', KEYS[1], 'data', ARGV[3])
            return redis.call('HINCRBY', KEYS[1], 'version', 1)
            """;

    /** ARGV: mode (always|version), expected version. Returns the number of keys deleted. */
    private static final String DELETE = """
            if ARGV[1] == 'version' and redis.call('HGET', KEYS[1], 'version') ~= ARGV[2] then return 0 end
            return redis.call('DEL', KEYS[1])
            """;

    private final String name;
    private final String location;
    private final RedisClient client;

    RedisStateBackend(String name, String location, RedisClient client) {
        this.name = name;
        this.location = location;
        this.client = client;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "state store '" + name + "' (state.redis, " + location + ")";
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public Optional<StateEntry> get(String key) {
        List<String> fields = call("read", key, () -> client.hmget(key, "data", "version"));
        String data = fields.get(0);
        String version = fields.get(1);
        return data == null
                ? Optional.empty()
                : Optional.of(new StateEntry(key, data, version == null ? "0" : version));
    }

    @Override
    public Optional<String> put(String key, String value, Condition condition) {
        List<String> args = switch (condition) {
            case Condition.Always a -> List.of("always", "", value);
            case Condition.Absent a -> List.of("absent", "", value);
            case Condition.Version v -> List.of("version", v.version(), value);
        };
        Object version = call("write", key, () -> client.eval(PUT, List.of(key), args));
        return version == null ? Optional.empty() : Optional.of(version.toString());
    }

    @Override
    public boolean delete(String key, Condition condition) {
        List<String> args = switch (condition) {
            case Condition.Always a -> List.of("always", "");
            case Condition.Version v -> List.of("version", v.version());
            case Condition.Absent a -> throw new IllegalArgumentException("a delete cannot require absence");
        };
        Object deleted = call("delete", key, () -> client.eval(DELETE, List.of(key), args));
        return deleted instanceof Long n && n > 0;
    }

    @Override
    public List<String> keys(String prefix) {
        ScanParams params = new ScanParams().match(glob(prefix) + "*").count(1000);
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            String from = cursor;
            ScanResult<String> page = call("list", prefix, () -> client.scan(from, params));
            page.getResult().stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        // SCAN may return a key twice; every key here is a state hash only if written by a state store
        return keys.stream().distinct().sorted(KeyOrder.COMPARATOR).toList();
    }

    /** {@code prefix} with Redis glob characters escaped, so it matches itself only. */
    static String glob(String prefix) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\' || c == '^' || c == '-') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private <T> T call(String what, String key, Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new StateStoreException(describe() + ": cannot " + what + " '" + key + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return describe();
    }
}
