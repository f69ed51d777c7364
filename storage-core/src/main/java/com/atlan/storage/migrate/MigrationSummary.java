package com.atlan.storage.migrate;

import com.atlan.storage.accounting.FailureRecord;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * skipped_files == total_files}, and {@code migrated_files / total_files} is the success rate. {@code failures}
 * holds one entry per failed object up to 1,000; past that {@code failures_file} names a file listing every failure
 * (JSON lines), so {@code failed_migrations == failures.size()} holds exactly when there is no such file.
 *
 * <p>A dry run copies nothing: its {@code total_files} are the objects listed, its {@code migrated_files} (and
 * {@code skipped_files}) the objects already identical at the destination, and the rest of {@code total_files} are
 * what a real run would copy; it reports no failures. A dry run with resume starts from the checkpoint's counts, as
 * the resumed job would.
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
 * @param failuresFile     the file listing every failure when more than {@code failures} holds, else {@code null}
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
    "elapsed_ms",
    "failures_file"
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
        @JsonProperty("elapsed_ms") long elapsedMs,

        @JsonProperty("failures_file") @JsonInclude(JsonInclude.Include.NON_NULL)
        String failuresFile) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public MigrationSummary {
        failures = List.copyOf(failures);
        if (failuresFile == null ? failedMigrations != failures.size() : failedMigrations < failures.size()) {
            throw new IllegalArgumentException("failed_migrations " + failedMigrations + " does not match "
                    + failures.size() + " failures" + (failuresFile == null ? "" : " and " + failuresFile));
        }
    }

    /** A summary whose failures are all in {@code failures}. */
    public MigrationSummary(
            long totalFiles,
            long migratedFiles,
            long failedMigrations,
            List<FailureRecord> failures,
            String prefix,
            String source,
            String destination,
            long skippedFiles,
            long bytesMigrated,
            long elapsedMs) {
        this(
                totalFiles,
                migratedFiles,
                failedMigrations,
                failures,
                prefix,
                source,
                destination,
                skippedFiles,
                bytesMigrated,
                elapsedMs,
                null);
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
