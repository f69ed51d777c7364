package com.atlan.storage.temporal;

import com.atlan.storage.accounting.FailureRecord;
import com.atlan.storage.migrate.MigrationSummary;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a shard's summary into its bounded {@link ShardResult}: failures past the shard's room are written to a
 * JSON-lines file on the worker (the engine's own spill file when it made one), named {@code pid@host:path}.
 */
final class ShardResults {

    private static final Logger LOG = LoggerFactory.getLogger(ShardResults.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShardResults() {}

    static ShardResult of(Shard shard, MigrationSummary summary, int attempt, long resumed, long copied) {
        int room = Math.max(0, shard.failureRoom());
        String file = null;
        if (summary.failedMigrations() > room) {
            file = summary.failuresFile() != null
                    ? Path.of(summary.failuresFile()).toString()
                    : write(shard, summary);
            file = file == null ? null : host() + ":" + file;
        }
        var kept =
                summary.failures().subList(0, Math.min(room, summary.failures().size()));
        return new ShardResult(shard.index(), Totals.of(summary), kept, file, attempt, resumed, copied);
    }

    private static String write(Shard shard, MigrationSummary summary) {
        try {
            Path path = Files.createTempFile("atlan-storage-failures-" + shard.jobId() + "-", ".jsonl");
            try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                for (FailureRecord failure : summary.failures()) {
                    out.write(JSON.writeValueAsString(failure));
                    out.newLine();
                }
            }
            LOG.warn("shard {}: {} failures, listed in {}", shard.jobId(), summary.failedMigrations(), path);
            return path.toString();
        } catch (IOException e) {
            LOG.warn("shard {}: could not write its failures to a file: {}", shard.jobId(), e.toString());
            return null;
        }
    }

    /** The worker's identity as Temporal names it by default ({@code pid@host}), already resolved by the JVM. */
    private static String host() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
