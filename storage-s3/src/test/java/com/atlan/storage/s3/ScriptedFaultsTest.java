package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.migrate.Migrator;
import com.atlan.storage.retry.RetryPolicy;
import com.atlan.storage.s3.ScriptedS3.Reply;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoragePermissionException;
import com.atlan.storage.store.TransientStorageException;
import com.atlan.storage.store.local.LocalBackend;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults a server can throw at the store, on both request paths: a skewed clock, throttling with Retry-After, errors
 * that hit every object, keep-alive connections the server dropped, and answers too large to be HTTP. One retry layer:
 * a backend sends a request again only when it never took effect.
 */
class ScriptedFaultsTest {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void aSkewedClockIsCorrectedFromTheServersDateAndTheRequestSentOnceMore(String fastPath) throws Exception {
        Instant serverNow = Instant.now().plus(Duration.ofHours(2));
        String serverDate = HTTP_DATE.format(ZonedDateTime.ofInstant(serverNow, ZoneOffset.UTC));
        try (ScriptedS3 server = new ScriptedS3(r -> {
                    Instant signed = java.time.LocalDateTime.parse(
                                    r.header("x-amz-date"), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                            .toInstant(ZoneOffset.UTC);
                    if (Duration.between(signed, serverNow).abs().toMinutes() > 15) {
                        return Reply.of(
                                403,
                                Map.of("Date", serverDate, "Content-Type", "application/xml"),
                                ScriptedS3.error("RequestTimeTooSkewed"));
                    }
                    return Reply.of(
                            200,
                            Map.of(
                                    "Date",
                                    serverDate,
                                    "ETag",
                                    "\"" + Md5.hex(Md5.of(r.body(), r.body().length)) + "\""),
                            "");
                });
                S3Backend store = server.store(fastPath, Map.of())) {
            ObjectInfo written = store.put("k", new ByteArrayInputStream(new byte[] {1}), 1, PutOptions.DEFAULT);
            assertThat(written.size()).isOne();
            assertThat(server.count("PUT"))
                    .as("refused once, then signed with the server's time")
                    .isEqualTo(2);

            store.put("k2", new ByteArrayInputStream(new byte[] {2}), 1, PutOptions.DEFAULT);
            assertThat(server.count("PUT")).as("the clock stays corrected").isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void slowDownWithRetryAfterIsAThrottledTransientErrorAfterOneRequest(String fastPath) throws Exception {
        try (ScriptedS3 server = new ScriptedS3(r -> Reply.of(
                        503,
                        Map.of("Retry-After", "7", "Content-Type", "application/xml"),
                        ScriptedS3.error("SlowDown")));
                S3Backend store = server.store(fastPath, Map.of())) {
            assertThatThrownBy(() -> store.put("k", new ByteArrayInputStream(new byte[] {1}), 1, PutOptions.DEFAULT))
                    .isInstanceOfSatisfying(TransientStorageException.class, e -> {
                        assertThat(e.isThrottled()).isTrue();
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                        assertThat(e.getMessage()).contains("throttling").contains(server.endpoint());
                    });
            assertThatThrownBy(() -> store.stat("k")).isInstanceOf(TransientStorageException.class);
            assertThat(server.requests())
                    .as("the backend sends nothing again: the engine owns attempts")
                    .hasSize(2);
        }
    }

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void aPersistent503CostsExactlyTheEnginesAttemptsPerObject(String fastPath) throws Exception {
        LocalBackend source = new LocalBackend("local-source", dir.resolve("src"));
        for (int i = 0; i < 3; i++) {
            Files.createDirectories(dir.resolve("src/data"));
            Files.writeString(dir.resolve("src/data/f" + i), "object " + i);
        }
        try (ScriptedS3 server = new ScriptedS3(r -> r.method().equals("GET")
                        ? Reply.xml(200, ScriptedS3.emptyListing())
                        : Reply.xml(503, ScriptedS3.error("ServiceUnavailable")));
                S3Backend store = server.store(fastPath, Map.of())) {
            int attempts = 3;
            MigrationSummary summary = new Migrator(
                            source,
                            store,
                            "data/",
                            MigrationOptions.builder()
                                    .retry(new RetryPolicy(attempts, Duration.ofMillis(1), Duration.ofMillis(5)))
                                    .build())
                    .run();

            assertThat(summary.failedMigrations()).isEqualTo(3);
            assertThat(server.count("PUT")).isEqualTo(3L * attempts);
        }
    }

    @ParameterizedTest(name = "fastPath {0}")
    @ValueSource(strings = {"true", "false"})
    void rejectedCredentialsAndAMissingBucketAreStoreWide(String fastPath) throws Exception {
        try (ScriptedS3 server = new ScriptedS3(r -> r.path().endsWith("/nobucket")
                        ? Reply.xml(404, ScriptedS3.error("NoSuchBucket"))
                        : Reply.xml(403, ScriptedS3.error("InvalidAccessKeyId")));
                S3Backend store = server.store(fastPath, Map.of())) {
            assertThatThrownBy(() -> store.put("k", new ByteArrayInputStream(new byte[] {1}), 1, PutOptions.DEFAULT))
                    .isInstanceOfSatisfying(
                            StoragePermissionException.class,
                            e -> assertThat(e.isStoreWide()).isTrue());
            assertThatThrownBy(() ->
                            store.put("nobucket", new ByteArrayInputStream(new byte[] {1}), 1, PutOptions.DEFAULT))
                    .isInstanceOfSatisfying(
                            StorageConfigException.class,
                            e -> assertThat(e.isStoreWide()).isTrue());
        }
    }

    @Test
    void requestsOnDeadKeepAliveConnectionsAreSentAgainOnANewOne() throws Exception {
        try (ScriptedS3 server = new ScriptedS3(r -> Reply.of(
                        200,
                        Map.of(
                                "ETag", "\"" + Md5.hex(Md5.of(r.body(), r.body().length)) + "\"",
                                "Content-Length", "1",
                                "Last-Modified", "Tue, 01 Dec 2026 00:00:00 GMT"),
                        r.method().equals("HEAD") ? "" : "x"));
                S3Backend store = server.store("true", Map.of())) {
            // six connections in the pool, all of which the server then drops without a word
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> puts = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    int n = i;
                    puts.add(pool.submit(
                            () -> store.put("k" + n, new ByteArrayInputStream(new byte[] {1}), 1, PutOptions.DEFAULT)));
                }
                for (Future<?> f : puts) f.get();
            }
            server.dropIdleConnections();
            int before = server.requests().size();

            assertThat(store.stat("k0")).isPresent();

            assertThat(server.requests()).hasSize(before + 1);
        }
    }

    @Test
    void anAnswerWithAHugeHeadIsAMappedTransientError() throws Exception {
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 5_000; i++) head.append("x-amz-meta-h").append(i).append(": v\r\n");
        head.append("Content-Length: 0\r\n\r\n");
        try (ScriptedS3 server = new ScriptedS3(r -> Reply.raw(head.toString()));
                S3Backend store = server.store("true", Map.of())) {
            assertThatThrownBy(() -> store.stat("k"))
                    .isInstanceOf(TransientStorageException.class)
                    .hasMessageContaining("response head too large");
        }
    }

    @Test
    void endlessInterimResponsesAreAMappedTransientError() throws Exception {
        try (ScriptedS3 server = new ScriptedS3(r -> Reply.raw("HTTP/1.1 102 Processing\r\n\r\n".repeat(50)));
                S3Backend store = server.store("true", Map.of())) {
            assertThatThrownBy(() -> store.stat("k"))
                    .isInstanceOf(TransientStorageException.class)
                    .hasMessageContaining("interim");
        }
    }
}
