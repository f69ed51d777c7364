package com.atlan.storage.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.state.sqlite.SqliteStateBackend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state store contract on {@code state.sqlite}: every writer has a connection of its own to one file. */
class SqliteStateStoreTest extends StateStoreContract {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("local/dapr/statestore.db");
    }

    @Override
    protected StateBackend open() {
        return SqliteStateBackend.open("statestore", file(), "state", Duration.ofSeconds(20));
    }

    @Override
    protected StateBackend broken() {
        Path other = dir.resolve("broken.db");
        StateBackend backend = SqliteStateBackend.open("statestore", other, "state", Duration.ofSeconds(1));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE state");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return backend;
    }

    @Test
    void usesDaprsTableLayoutSoASidecarCanShareTheFile() throws SQLException {
        store().set("k", "v", "wf", com.atlan.storage.services.StateType.WORKFLOWS);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement s = c.createStatement();
                ResultSet columns = s.executeQuery("SELECT group_concat(name, ',') FROM pragma_table_info('state')");
                Statement m = c.createStatement();
                ResultSet migrations = m.executeQuery("SELECT value FROM metadata WHERE key = 'migrations'")) {
            assertThat(columns.getString(1)).isEqualTo("key,value,is_binary,etag,expiration_time,update_time");
            assertThat(migrations.getString(1)).isEqualTo("1");
        }
    }

    @Test
    void rowsExpiredByDaprReadAsAbsentAndCanBeCreatedAgain() throws SQLException {
        StateBackend backend = open();
        try (backend;
                Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO state (key, value, is_binary, etag, expiration_time) VALUES"
                    + " ('gone', '{}', 0, 'e1', DATETIME(CURRENT_TIMESTAMP, '-5 seconds'))");
            assertThat(backend.get("gone")).isEmpty();
            assertThat(backend.keys("go")).isEmpty();
            assertThat(backend.put("gone", "{\"new\":true}", Condition.absent()))
                    .isPresent();
            assertThat(backend.get("gone").orElseThrow().value()).isEqualTo("{\"new\":true}");
        }
    }
}
