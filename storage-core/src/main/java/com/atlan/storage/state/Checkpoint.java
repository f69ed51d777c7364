package com.atlan.storage.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How far a migration job has got, small enough to save every few seconds.
 *
 * <p>Every selected key that sorts at or before {@link #watermark()} (in listing order) is finished:
 * migrated, skipped, or failed and listed in {@link #failures()}. Keys above it that finished early are
 * in {@link #doneAboveWatermark()}. A resumed run lists from the watermark, skips those keys and retries
 * the failures; the counters cover every finished key, so the resumed run's summary covers the whole job.
 *
 * @param jobId              the job this belongs to
 * @param source             the source store name
 * @param destination        the destination store name
 * @param prefix             the prefix as the caller gave it
 * @param watermark          every key at or before it is finished; {@code null} when none is yet
 * @param doneAboveWatermark finished keys after the watermark, in listing order
 * @param failures           failed keys (at or before the watermark, or in {@code doneAboveWatermark}) with their errors
 * @param migratedFiles      objects migrated so far
 * @param skippedFiles       objects found identical at the destination so far
 * @param bytesMigrated      bytes of the migrated objects
 * @param elapsedMs          wall time spent on the job by all its runs
 * @param complete           whether the job reached the end of its listing
 * @param updatedAtMs        when this was saved (epoch milliseconds)
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
    "updated_at_ms"
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
        @JsonProperty("updated_at_ms") long updatedAtMs) {

    private static final int SLUG_LENGTH = 48;

    public Checkpoint {
        Objects.requireNonNull(jobId, "jobId");
        doneAboveWatermark = doneAboveWatermark == null ? List.of() : List.copyOf(doneAboveWatermark);
        failures = failures == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    /** Objects finished in any way: {@code migrated + skipped + failed}. */
    public long totalFiles() {
        return migratedFiles + skippedFiles + failures.size();
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
