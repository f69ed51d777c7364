package com.atlan.storage.state.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.StorageConfigException;
import org.junit.jupiter.api.Test;

/** Dapr's PostgreSQL connection strings (libpq keywords and URLs) as pgjdbc takes them, passwords kept out of sight. */
class PostgresConnectionTest {

    @Test
    void readsLibpqKeywordsWithQuotedValues() {
        PostgresConnection c = PostgresConnection.parse(
                "statestore",
                "host=db.internal port=6432 user=app password='s3 cr\\'et' dbname=state sslmode=require connect_timeout=10");
        assertThat(c.url()).isEqualTo("jdbc:postgresql://db.internal:6432/state");
        assertThat(c.properties())
                .containsEntry("user", "app")
                .containsEntry("password", "s3 cr'et")
                .containsEntry("sslmode", "require")
                .containsEntry("connectTimeout", "10");
        assertThat(c.describe()).isEqualTo("db.internal:6432/state");
        assertThat(c.toString()).doesNotContain("s3 cr");
    }

    @Test
    void readsPostgresUrlsWithEncodedPasswordsAndSeveralHosts() {
        PostgresConnection c = PostgresConnection.parse(
                "statestore", "postgresql://app:p%40ss%2Bword@a.example:5433,b.example/my%20db?sslmode=verify-full");
        assertThat(c.url()).isEqualTo("jdbc:postgresql://a.example:5433,b.example:5432/my%20db");
        assertThat(c.properties()).containsEntry("password", "p@ss+word").containsEntry("sslmode", "verify-full");
        assertThat(c.url()).doesNotContain("p@ss");
    }

    @Test
    void defaultsAsLibpqDoes() {
        PostgresConnection c = PostgresConnection.parse("statestore", "user=postgres");
        assertThat(c.url()).isEqualTo("jdbc:postgresql://localhost:5432/");
        assertThat(c.properties()).containsEntry("connectTimeout", "5");
    }

    @Test
    void takesJdbcUrlsAsTheyAre() {
        PostgresConnection c = PostgresConnection.parse("statestore", "jdbc:postgresql://h:1/d?user=u&password=secret");
        assertThat(c.url()).isEqualTo("jdbc:postgresql://h:1/d?user=u&password=secret");
        assertThat(c.describe()).isEqualTo("h:1/d");
    }

    @Test
    void badStringsAreRefusedWithoutShowingTheirSecrets() {
        assertThatThrownBy(() -> PostgresConnection.parse("statestore", "host=h secretpassword"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("statestore")
                .hasMessageNotContaining("secretpassword");
        assertThatThrownBy(() -> PostgresConnection.parse("statestore", "host=h password='unterminated"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageNotContaining("unterminated");
        assertThatThrownBy(() -> PostgresConnection.parse("statestore", "host=h bogus=1"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("unknown parameter 'bogus'");
        assertThatThrownBy(() -> PostgresConnection.parse("statestore", "host=/var/run/postgresql"))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("Unix socket");
    }
}
