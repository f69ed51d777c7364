package com.atlan.storage.state.postgresql;

import com.atlan.storage.state.Condition;
import com.atlan.storage.state.StateBackend;
import com.atlan.storage.state.StateEntry;
import com.atlan.storage.state.StateStoreException;
import com.atlan.storage.state.jdbc.StateTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State in a PostgreSQL table in the layout of Dapr's {@code state.postgresql} v2 (key, value bytea, etag uuid,
 * created_at, updated_at, expires_at), so Dapr and atlan-storage can share it. Each write is one statement: a
 * conditional write is an {@code UPDATE ... WHERE etag = ?} or an insert that does nothing on conflict, atomic across
 * processes. Values are stored as the exact bytes written (not jsonb, which would reorder keys). Rows Dapr wrote with
 * a TTL read as absent once expired.
 *
 * <p>One connection, opened on first use and opened again after a connection failure; calls are serialised on it
 * (state is small and infrequent; migrations save a checkpoint every few seconds).
 */
public final class PostgresStateBackend implements StateBackend {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresStateBackend.class);

    private final String name;
    private final PostgresConnection target;
    private final String table;
    private final Duration timeout;
    private final StateTable sql;
    private Connection connection;
    private boolean tableChecked;

    PostgresStateBackend(String name, PostgresConnection target, String table, Duration timeout) {
        this.name = name;
        this.target = target;
        this.table = table;
        this.timeout = timeout;
        this.sql = statements(table);
        // Bounds every read from the server, so a server that stops answering fails the call instead of hanging it.
        target.properties().putIfAbsent("socketTimeout", Long.toString(Math.max(1, timeout.toSeconds())));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "state store '" + name + "' (state.postgresql, " + target.describe() + ", table " + table + ")";
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public synchronized Optional<StateEntry> get(String key) {
        return run("read", key, c -> sql.get(c, key));
    }

    @Override
    public synchronized Optional<String> put(String key, String value, Condition condition) {
        return run("write", key, c -> sql.put(c, key, value, condition));
    }

    @Override
    public synchronized boolean delete(String key, Condition condition) {
        return run("delete", key, c -> sql.delete(c, key, condition));
    }

    @Override
    public synchronized List<String> keys(String prefix) {
        return run("list", prefix, c -> sql.keys(c, prefix));
    }

    /** Dapr's v2 statements on {@code table}; an expired row Dapr has not cleaned up yet counts as absent. */
    private static StateTable statements(String table) {
        String live = "(expires_at IS NULL OR expires_at >= now())";
        String upsert = "INSERT INTO " + table + " AS t (key, value, etag) VALUES (?, ?, ?::uuid) ON CONFLICT (key)"
                + " DO UPDATE SET value = EXCLUDED.value, etag = EXCLUDED.etag, updated_at = now(), expires_at = NULL";
        return new StateTable(
                "SELECT value, etag::text FROM " + table + " WHERE key = ? AND " + live,
                upsert,
                upsert + " WHERE t.expires_at IS NOT NULL AND t.expires_at < now()",
                "UPDATE " + table + " SET value = ?, etag = ?::uuid, updated_at = now(), expires_at = NULL"
                        + " WHERE key = ? AND etag::text = ? AND " + live,
                "DELETE FROM " + table + " WHERE key = ?",
                "DELETE FROM " + table + " WHERE key = ? AND etag::text = ?",
                "SELECT key FROM " + table + " WHERE starts_with(key, ?) AND " + live + " ORDER BY key COLLATE \"C\"",
                true);
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on the connection, opening it first when needed; drops a connection that broke. */
    private <T> T run(String what, String key, Work<T> work) {
        try {
            return work.on(connection());
        } catch (SQLException e) {
            if (brokenConnection(e)) {
                closeQuietly();
            }
            throw new StateStoreException(describe() + ": cannot " + what + " '" + key + "': " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(target.url(), target.properties());
            tableChecked = false;
        }
        if (!tableChecked) {
            ensureTable(connection);
            tableChecked = true;
        }
        return connection;
    }

    private void ensureTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (key text NOT NULL PRIMARY KEY, value bytea NOT NULL,"
                    + " etag uuid NOT NULL, created_at timestamp with time zone NOT NULL DEFAULT now(),"
                    + " updated_at timestamp with time zone, expires_at timestamp with time zone)");
        } catch (SQLException e) {
            // Two processes creating the table at once: one of them gets a unique violation on the type name.
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = to_regclass(?) AND attname = 'etag' AND NOT attisdropped")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || !r.getString(1).equals("uuid")) {
                    throw new SQLException("table " + table + " exists with another layout (no etag uuid column: Dapr's"
                            + " state.postgresql v1?); set metadata tableName to a table of its own");
                }
            }
        }
        LOG.debug("{} ready", describe());
    }

    private static boolean brokenConnection(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57P");
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.debug("closing {} failed", describe(), e);
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    @Override
    public String toString() {
        return describe();
    }
}
