package com.atlan.storage.temporal;

import com.atlan.storage.migrate.MigrationSummary;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The counts of a {@link MigrationSummary}, which add up over shards: a job's totals are the sum of its shards'.
 *
 * @param totalFiles       objects met
 * @param migratedFiles    objects at the destination and identical (copied, or already there)
 * @param skippedFiles     of those, objects already identical (no copy needed)
 * @param failedMigrations objects not migrated
 * @param bytesMigrated    bytes copied
 */
public record Totals(
        @JsonProperty("total_files") long totalFiles,
        @JsonProperty("migrated_files") long migratedFiles,
        @JsonProperty("skipped_files") long skippedFiles,
        @JsonProperty("failed_migrations") long failedMigrations,
        @JsonProperty("bytes_migrated") long bytesMigrated) {

    /** Nothing yet. */
    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0);

    /** The counts of {@code summary}. */
    public static Totals of(MigrationSummary summary) {
        return new Totals(
                summary.totalFiles(),
                summary.migratedFiles(),
                summary.skippedFiles(),
                summary.failedMigrations(),
                summary.bytesMigrated());
    }

    /** These counts and {@code other}'s added. */
    public Totals plus(Totals other) {
        return new Totals(
                totalFiles + other.totalFiles,
                migratedFiles + other.migratedFiles,
                skippedFiles + other.skippedFiles,
                failedMigrations + other.failedMigrations,
                bytesMigrated + other.bytesMigrated);
    }
}
