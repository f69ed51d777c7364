package com.atlan.storage.migrate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The result of a migration, with the spec's fields and JSON names plus {@code skipped_files},
 * {@code bytes_migrated} and {@code elapsed_ms}.
 *
 * <p>The counts mean what the spec's examples rely on: {@code migrated_files} counts the objects that are at the
 * destination and identical at the end of the run, whether copied now or found identical already; {@code
 * skipped_files} says how many of those needed no copy. So after a migration {@code total_files ==
 * migrated_files + failed_migrations}, a re-run over an unchanged prefix reports {@code migrated_files ==
 * skipped_files == total_files}, and {@code migrated_files / total_files} is the success rate. {@code
 * failed_migrations == failures.size()} always holds. A dry run copies nothing: its {@code migrated_files} are the
 * objects already identical, and the rest of {@code total_files} are what a real run would copy.
 *
 * @param totalFiles       objects the prefix selected
 * @param migratedFiles    objects at the destination and identical at the end (copied now, or already there)
 * @param failedMigrations objects not migrated
 * @param failures         one entry per failed object
 * @param prefix           the prefix exactly as the caller gave it
 * @param source           the source store name
 * @param destination      the destination store name
 * @param skippedFiles     of the migrated objects, those already identical at the destination (no copy needed)
 * @param bytesMigrated    bytes copied (objects found identical count no bytes)
 * @param elapsedMs        wall time of the migration in milliseconds
 */
@JsonPropertyOrder({
    "total_files",
    "migrated_files",
    "failed_migrations",
    "failures",
    "prefix",
    "source",
    "destination",
    "skipped_files",
    "bytes_migrated",
    "elapsed_ms"
})
public record MigrationSummary(
        @JsonProperty("total_files") long totalFiles,
        @JsonProperty("migrated_files") long migratedFiles,
        @JsonProperty("failed_migrations") long failedMigrations,
        @JsonProperty("failures") List<FailureRecord> failures,
        @JsonProperty("prefix") String prefix,
        @JsonProperty("source") String source,
        @JsonProperty("destination") String destination,
        @JsonProperty("skipped_files") long skippedFiles,
        @JsonProperty("bytes_migrated") long bytesMigrated,
        @JsonProperty("elapsed_ms") long elapsedMs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public MigrationSummary {
        failures = List.copyOf(failures);
        if (failedMigrations != failures.size()) {
            throw new IllegalArgumentException(
                    "failed_migrations " + failedMigrations + " != failures.size() " + failures.size());
        }
    }

    /** A summary of a migration that found nothing to migrate. */
    public static MigrationSummary empty(String prefix, String source, String destination) {
        return new MigrationSummary(0, 0, 0, List.of(), prefix, source, destination, 0, 0, 0);
    }

    /** Objects copied by this migration: migrated, less those already identical. */
    public long copiedFiles() {
        return migratedFiles - skippedFiles;
    }

    /** Whether every selected object is at the destination (migrated now or already there). */
    public boolean succeeded() {
        return failedMigrations == 0;
    }

    /** This summary as JSON with the spec's field names. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a summary written by {@link #toJson()}. */
    public static MigrationSummary fromJson(String json) {
        try {
            return JSON.readValue(json, MigrationSummary.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
