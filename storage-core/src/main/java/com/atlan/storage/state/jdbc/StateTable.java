package com.atlan.storage.state.jdbc;

import com.atlan.storage.state.Condition;
import com.atlan.storage.state.StateEntry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The reads and writes of a state table as Dapr's SQL state stores lay it out (a key, the value, an etag that
 * changes on every write, an expiry), in one SQL dialect. Every write is one statement, so a conditional write
 * checks and writes atomically, across processes: an {@code UPDATE ... WHERE etag = ?}, or an insert that does
 * nothing when the key exists. Etags are random UUIDs made here.
 *
 * <p>Parameters, in order: {@code select(key)} returning value and etag; {@code upsert} and {@code insertIfAbsent}
 * (key, value, etag); {@code updateIfVersion}(value, etag, key, expected etag); {@code delete(key)};
 * {@code deleteIfVersion}(key, expected etag); {@code keys(prefix)} returning keys in code point order.
 *
 * @param binaryValue whether the value column holds bytes (UTF-8) rather than text
 */
public record StateTable(
        String select,
        String upsert,
        String insertIfAbsent,
        String updateIfVersion,
        String delete,
        String deleteIfVersion,
        String keys,
        boolean binaryValue) {

    public StateTable {
        Objects.requireNonNull(select, "select");
        Objects.requireNonNull(upsert, "upsert");
        Objects.requireNonNull(insertIfAbsent, "insertIfAbsent");
        Objects.requireNonNull(updateIfVersion, "updateIfVersion");
        Objects.requireNonNull(delete, "delete");
        Objects.requireNonNull(deleteIfVersion, "deleteIfVersion");
        Objects.requireNonNull(keys, "keys");
    }

    /** The value of {@code key} and its etag, or empty. */
    public Optional<StateEntry> get(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(select)) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String value = binaryValue ? new String(r.getBytes(1), StandardCharsets.UTF_8) : r.getString(1);
                return Optional.of(new StateEntry(key, value, r.getString(2)));
            }
        }
    }

    /** Writes {@code value} if {@code condition} holds; the new etag, or empty when it did not hold. */
    public Optional<String> put(Connection c, String key, String value, Condition condition) throws SQLException {
        String etag = UUID.randomUUID().toString();
        String sql = switch (condition) {
            case Condition.Always a -> upsert;
            case Condition.Absent a -> insertIfAbsent;
            case Condition.Version v -> updateIfVersion;
        };
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (condition instanceof Condition.Version v) {
                setValue(s, 1, value);
                s.setString(2, etag);
                s.setString(3, key);
                s.setString(4, v.version());
            } else {
                s.setString(1, key);
                setValue(s, 2, value);
                s.setString(3, etag);
            }
            return s.executeUpdate() == 1 ? Optional.of(etag) : Optional.empty();
        }
    }

    /** Deletes {@code key} if {@code condition} holds; whether a row was deleted. */
    public boolean delete(Connection c, String key, Condition condition) throws SQLException {
        String sql = switch (condition) {
            case Condition.Always a -> delete;
            case Condition.Version v -> deleteIfVersion;
            case Condition.Absent a -> throw new IllegalArgumentException("a delete cannot require absence");
        };
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            if (condition instanceof Condition.Version v) {
                s.setString(2, v.version());
            }
            return s.executeUpdate() > 0;
        }
    }

    /** The live keys starting with {@code prefix}, in code point order. */
    public List<String> keys(Connection c, String prefix) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(keys)) {
            s.setString(1, prefix);
            List<String> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1));
                }
            }
            return found;
        }
    }

    private void setValue(PreparedStatement s, int index, String value) throws SQLException {
        if (binaryValue) {
            s.setBytes(index, value.getBytes(StandardCharsets.UTF_8));
        } else {
            s.setString(index, value);
        }
    }
}
