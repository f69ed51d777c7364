package com.atlan.storage.state.sqlite;

import com.atlan.storage.state.Condition;
import com.atlan.storage.state.StateBackend;
import com.atlan.storage.state.StateEntry;
import com.atlan.storage.state.StateStoreException;
import com.atlan.storage.state.jdbc.StateTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State in a SQLite file, in the table layout of Dapr's {@code state.sqlite} (key, value, is_binary, etag,
 * expiration_time, update_time), so a Dapr sidecar and atlan-storage can share the file. Each write is one
 * statement: a conditional write is an {@code UPDATE ... WHERE etag = ?} or an insert that does nothing on
 * conflict, so the check and the write are atomic across processes. The file is in WAL mode: readers never wait
 * for a writer, and a write survives a crash of this process. Rows Dapr wrote with a TTL read as absent once
 * expired.
 */
public final class SqliteStateBackend implements StateBackend {

    /** Dapr's default state table. */
    public static final String DEFAULT_TABLE = "state";

    /** Dapr's default metadata table, where it records its schema version. */
    public static final String DEFAULT_METADATA_TABLE = "metadata";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStateBackend.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]{1,63}");

    private final String name;
    private final Path file;
    private final String table;
    private final Connection connection;
    private final StateTable sql;

    private SqliteStateBackend(String name, Path file, String table, Connection connection) {
        this.name = name;
        this.file = file;
        this.table = table;
        this.connection = connection;
        this.sql = statements(table);
    }

    /**
     * Opens (creating when needed) the SQLite file and its state table.
     *
     * @param file        the database file, or {@code null} for a private in-memory database
     * @param table       the state table ({@value #DEFAULT_TABLE} as in Dapr)
     * @param busyTimeout how long a write waits for another process's write to finish
     * @throws StateStoreException when the file cannot be opened or is not a SQLite database
     * @throws IllegalArgumentException when {@code table} is not a plain SQL identifier
     */
    public static SqliteStateBackend open(String name, Path file, String table, Duration busyTimeout) {
        requireIdentifier(table);
        Path absolute = file == null ? null : file.toAbsolutePath().normalize();
        String where = "state store '" + name + "' (state.sqlite, " + (absolute == null ? ":memory:" : absolute) + ")";
        try {
            if (absolute != null && absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + (absolute == null ? ":memory:" : absolute));
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=" + Math.max(0, busyTimeout.toMillis()));
                if (absolute != null) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=NORMAL");
                }
                createTables(s, table);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            LOG.debug("{} opened", where);
            return new SqliteStateBackend(name, absolute, table, c);
        } catch (SQLException | IOException e) {
            throw new StateStoreException(where + ": cannot open the database: " + e.getMessage(), e);
        }
    }

    /** Creates Dapr's state table, and records in Dapr's metadata table that its schema is in place. */
    private static void createTables(Statement s, String table) throws SQLException {
        try (ResultSet r =
                s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
            if (r.next() && r.getInt(1) > 0) {
                return;
            }
        }
        s.execute("CREATE TABLE IF NOT EXISTS " + table + " (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL,"
                + " is_binary BOOLEAN NOT NULL, etag TEXT NOT NULL, expiration_time TIMESTAMP DEFAULT NULL,"
                + " update_time TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
        s.execute("CREATE INDEX IF NOT EXISTS idx_" + table + "_expiration_time ON " + table + " (expiration_time)");
        if (table.equals(DEFAULT_TABLE)) {
            // Dapr reads its migration level here; without it a sidecar would try to create the table again.
            s.execute("CREATE TABLE IF NOT EXISTS " + DEFAULT_METADATA_TABLE
                    + " (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("INSERT OR IGNORE INTO " + DEFAULT_METADATA_TABLE + " (key, value) VALUES ('migrations', '1')");
        }
    }

    static void requireIdentifier(String table) {
        if (table == null || !IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException(
                    "SQLite table name '" + table + "' must be 1 to 63 letters, digits or underscores");
        }
    }

    /** The database file, or empty for an in-memory database. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "state store '" + name + "' (state.sqlite, " + (file == null ? ":memory:" : file)
                + (table.equals(DEFAULT_TABLE) ? "" : ", table " + table) + ")";
    }

    @Override
    public boolean durable() {
        return file != null;
    }

    @Override
    public synchronized Optional<StateEntry> get(String key) {
        try {
            return sql.get(connection, key);
        } catch (SQLException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public synchronized Optional<String> put(String key, String value, Condition condition) {
        try {
            return sql.put(connection, key, value, condition);
        } catch (SQLException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public synchronized boolean delete(String key, Condition condition) {
        try {
            return sql.delete(connection, key, condition);
        } catch (SQLException e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public synchronized List<String> keys(String prefix) {
        try {
            return sql.keys(connection, prefix);
        } catch (SQLException e) {
            throw failure("list", prefix, e);
        }
    }

    /** Dapr's statements on {@code table}; an expired row Dapr has not cleaned up yet counts as absent. */
    private static StateTable statements(String table) {
        String live = "(expiration_time IS NULL OR expiration_time > CURRENT_TIMESTAMP)";
        String upsert = "INSERT INTO " + table + " (key, value, is_binary, etag, update_time, expiration_time)"
                + " VALUES (?, ?, 0, ?, CURRENT_TIMESTAMP, NULL) ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                + " is_binary = 0, etag = excluded.etag, update_time = CURRENT_TIMESTAMP, expiration_time = NULL";
        return new StateTable(
                "SELECT value, etag FROM " + table + " WHERE key = ? AND " + live,
                upsert,
                upsert + " WHERE " + table + ".expiration_time IS NOT NULL AND " + table
                        + ".expiration_time <= CURRENT_TIMESTAMP",
                "UPDATE " + table + " SET value = ?, is_binary = 0, etag = ?, update_time = CURRENT_TIMESTAMP,"
                        + " expiration_time = NULL WHERE key = ? AND etag = ? AND " + live,
                "DELETE FROM " + table + " WHERE key = ?",
                "DELETE FROM " + table + " WHERE key = ? AND etag = ?",
                // instr, not LIKE: LIKE ignores ASCII case in SQLite and takes % and _ in the prefix for wildcards.
                "SELECT key FROM " + table + " WHERE instr(key, ?) = 1 AND " + live + " ORDER BY key",
                false);
    }

    private StateStoreException failure(String what, String key, SQLException e) {
        return new StateStoreException(describe() + ": cannot " + what + " '" + key + "': " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing {} failed", describe(), e);
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
