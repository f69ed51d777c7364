package com.atlan.storage.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How far a migration job has got, small enough to save every few seconds.
 *
 * <p>Every selected key that sorts at or before {@link #watermark()} in the plan's {@link #order()} is finished:
 * migrated, skipped, or failed and counted in {@link #failures()} or {@link #failuresSpilled()}. Keys above it
 * that finished early are in {@link #doneAboveWatermark()}. A resumed run lists on from the watermark, skips those
 * keys, then makes one skip-unchanged pass over the keys the checkpoint covers (which also retries the
 * failures); the counters cover every finished key, so the resumed run's summary covers the whole job.
 *
 * <p>Its size is bounded whatever the job's size: at most 100,000 keys above the watermark (the engine waits for
 * a slow object before more pile up) and at most 1,000 failures with their errors; further failures are only
 * counted here and listed in {@link #failuresFile()}.
 *
 * @param jobId              the job this belongs to
 * @param source             the source store name
 * @param destination        the destination store name
 * @param prefix             the prefix as the caller gave it
 * @param watermark          every key at or before it is finished; {@code null} when none is yet
 * @param doneAboveWatermark finished keys after the watermark, in listing order
 * @param failures           failed keys (at or before the watermark, or in {@code doneAboveWatermark}) with their
 *                           errors, the first 1,000 failures at most
 * @param migratedFiles      objects copied so far (not counting those found identical)
 * @param skippedFiles       objects found identical at the destination so far
 * @param bytesMigrated      bytes of the migrated objects
 * @param elapsedMs          wall time spent on the job by all its runs
 * @param complete           whether the job reached the end of its listing
 * @param updatedAtMs        when this was saved (epoch milliseconds)
 * @param order              the key order the watermark is in ({@code CODE_POINT} or {@code UTF16}, a
 *                           {@link com.atlan.storage.store.ListingOrder}); {@code null} in checkpoints of older
 *                           versions, which mean {@code CODE_POINT}
 * @param failuresSpilled    failures past those in {@code failures}, only counted
 * @param failuresFile       the file listing every failure once some spilled, or {@code null}
 */
@JsonPropertyOrder({
    "job_id",
    "source",
    "destination",
    "prefix",
    "watermark",
    "done_above_watermark",
    "failures",
    "migrated_files",
    "skipped_files",
    "bytes_migrated",
    "elapsed_ms",
    "complete",
    "updated_at_ms",
    "order",
    "failures_spilled",
    "failures_file"
})
public record Checkpoint(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("source") String source,
        @JsonProperty("destination") String destination,
        @JsonProperty("prefix") String prefix,
        @JsonProperty("watermark") String watermark,
        @JsonProperty("done_above_watermark") List<String> doneAboveWatermark,
        @JsonProperty("failures") Map<String, String> failures,
        @JsonProperty("migrated_files") long migratedFiles,
        @JsonProperty("skipped_files") long skippedFiles,
        @JsonProperty("bytes_migrated") long bytesMigrated,
        @JsonProperty("elapsed_ms") long elapsedMs,
        @JsonProperty("complete") boolean complete,
        @JsonProperty("updated_at_ms") long updatedAtMs,
        @JsonProperty("order") String order,
        @JsonProperty("failures_spilled") long failuresSpilled,
        @JsonProperty("failures_file") String failuresFile) {

    private static final int SLUG_LENGTH = 48;

    public Checkpoint {
        Objects.requireNonNull(jobId, "jobId");
        doneAboveWatermark = doneAboveWatermark == null ? List.of() : List.copyOf(doneAboveWatermark);
        failures = failures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    /** A checkpoint in code point order with no spilled failures (the format before orders and spills). */
    public Checkpoint(
            String jobId,
            String source,
            String destination,
            String prefix,
            String watermark,
            List<String> doneAboveWatermark,
            Map<String, String> failures,
            long migratedFiles,
            long skippedFiles,
            long bytesMigrated,
            long elapsedMs,
            boolean complete,
            long updatedAtMs) {
        this(
                jobId,
                source,
                destination,
                prefix,
                watermark,
                doneAboveWatermark,
                failures,
                migratedFiles,
                skippedFiles,
                bytesMigrated,
                elapsedMs,
                complete,
                updatedAtMs,
                null,
                0,
                null);
    }

    /** Objects finished in any way: {@code migrated + skipped + failed}. */
    public long totalFiles() {
        return migratedFiles + skippedFiles + failedFiles();
    }

    /** Failed objects: those in {@link #failures()} and those only counted. */
    public long failedFiles() {
        return failures.size() + failuresSpilled;
    }

    /**
     * The job id of migrating {@code prefix} from {@code source} to {@code destination}: a readable slug and
     * the first 10 hex digits of a SHA-256 over the three, e.g. {@code objectstore-upstream-objectstore-processed-2024-3f9c0a12b4}.
     */
    public static String jobIdFor(String source, String destination, String prefix) {
        String p = prefix == null ? "" : prefix;
        String slug = (source + "-" + destination + (p.isEmpty() ? "" : "-" + p))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH).replaceAll("-+$", "");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((source + "\0" + destination + "\0" + p).getBytes(StandardCharsets.UTF_8));
            return slug + "-" + HexFormat.of().formatHex(hash).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
