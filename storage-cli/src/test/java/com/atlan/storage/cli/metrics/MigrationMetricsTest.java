package com.atlan.storage.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.services.AtlanStorage;
import com.atlan.storage.testing.ComponentFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationMetricsTest {

    @TempDir
    Path dir;

    @Test
    void scrapedCountersEqualTheSummarysCounts() throws Exception {
        Path components = Files.createDirectories(dir.resolve("components"));
        Path source = dir.resolve("deployment");
        Path destination = dir.resolve("upstream");
        ComponentFiles.localStore(components, "objectstore", source.toString());
        ComponentFiles.localStore(components, "upstream-objectstore", destination.toString());
        write(source.resolve("p/a"), "alpha");
        write(source.resolve("p/b/c"), "gamma-delta");
        write(source.resolve("p/stuck"), "x");
        // a folder where the destination needs a file makes one object fail for good
        Files.createDirectories(destination.resolve("p/stuck/occupied"));

        MigrationSummary summary;
        String scraped;
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0)) {
            MigrationOptions options = MigrationMetrics.attach(
                            MigrationOptions.builder().maxAttempts(1).checkpoints(false), null, server.registry())
                    .build();
            summary = new AtlanStorage(StorageConfiguration.load(java.util.Optional.of(components)), options)
                    .migrate("p", "objectstore", "upstream-objectstore");
            scraped = scrape(server.url());
        }

        assertThat(summary.copiedFiles()).isEqualTo(2);
        assertThat(summary.failedMigrations()).isEqualTo(1);
        // the local backend copies within its own store server side; a streamed copy counts as "copied"
        assertThat(value(scraped, "atlan_storage_objects_total{outcome=\"copied\"}")
                        + value(scraped, "atlan_storage_objects_total{outcome=\"copied_server_side\"}"))
                .isEqualTo(summary.copiedFiles());
        assertThat(value(scraped, "atlan_storage_objects_total{outcome=\"failed\"}"))
                .isEqualTo(summary.failedMigrations());
        assertThat(value(scraped, "atlan_storage_bytes_total{outcome=\"copied\"}")
                        + value(scraped, "atlan_storage_bytes_total{outcome=\"copied_server_side\"}"))
                .isEqualTo(summary.bytesMigrated());
        assertThat(value(scraped, "atlan_storage_transfers_in_flight")).isZero();
        assertThat(value(scraped, "atlan_storage_retries_total{cause=\"throttled\"}"))
                .isZero();
        assertThat(scraped)
                .containsPattern("atlan_storage_request_seconds_count\\{[^}]*operation=\"(put|copy)\""
                        + "[^}]*outcome=\"ok\"[^}]*role=\"destination\"[^}]*store=\"upstream-objectstore\"\\} 2");
    }

    @Test
    void anAddressInUseIsNamedInTheError() {
        try (MetricsServer first = MetricsServer.start("127.0.0.1", 0)) {
            int port = URI.create(first.url()).getPort();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetricsServer.start("127.0.0.1", port))
                    .hasMessageContaining("cannot serve metrics on 127.0.0.1:" + port);
        }
    }

    static String scrape(String url) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response =
                    client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }

    /** The value of the sample named {@code series} (name and labels as printed), as a whole number. */
    static long value(String scraped, String series) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scraped);
        assertThat(m.find()).as(series + " in\n" + scraped).isTrue();
        return (long) Double.parseDouble(m.group(1));
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
