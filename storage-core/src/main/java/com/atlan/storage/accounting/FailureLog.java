package com.atlan.storage.accounting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failures of a job, bounded in memory: the first {@code cap} are kept with their errors; past the cap every
 * failure is written to a spill file (JSON lines of {@code {"file", "error"}}, the kept ones first, so the file is
 * the complete list) and only counted here. Errors are cut to {@value #MAX_ERROR_CHARS} characters. Not
 * thread-safe: the {@link RunLedger} guards it.
 */
public final class FailureLog implements AutoCloseable {

    /** Failures kept in memory (and in checkpoints and summaries) before the rest spill to a file. */
    public static final int DEFAULT_CAP = 1000;

    /** The longest error message kept per failure. */
    public static final int MAX_ERROR_CHARS = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int cap;
    private final Supplier<Path> spillFile;
    private final LinkedHashMap<String, String> kept = new LinkedHashMap<>();
    private long spilled;
    private Path file;
    private BufferedWriter spill;

    /** A log keeping {@code cap} failures, spilling the rest to the file {@code spillFile} gives when first needed. */
    public FailureLog(int cap, Supplier<Path> spillFile) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be >= 1, not " + cap);
        }
        this.cap = cap;
        this.spillFile = Objects.requireNonNull(spillFile, "spillFile");
    }

    /** Records that {@code key} failed with {@code error}; a key already kept gets the new error. */
    void add(String key, String error) {
        String cut = error == null ? "unknown error" : error;
        if (cut.length() > MAX_ERROR_CHARS) {
            cut = cut.substring(0, MAX_ERROR_CHARS) + "...";
        }
        if (kept.containsKey(key) || (kept.size() < cap && spill == null)) {
            kept.put(key, cut);
            return;
        }
        spilled++;
        writeSpilled(key, cut);
    }

    /** Forgets a kept failure (it is being retried); {@code false} when it is not kept. */
    boolean remove(String key) {
        return kept.remove(key) != null;
    }

    /** Whether {@code key} is a kept failure. */
    boolean contains(String key) {
        return kept.containsKey(key);
    }

    /** Forgets the failures counted past the cap (a resumed job meets them again as new objects). */
    void forgetSpilled() {
        spilled = 0;
    }

    /** Failures in all: kept and spilled. */
    long count() {
        return kept.size() + spilled;
    }

    /** The kept failures in the order they happened. */
    List<FailureRecord> kept() {
        List<FailureRecord> records = new ArrayList<>(kept.size());
        kept.forEach((k, v) -> records.add(new FailureRecord(k, v)));
        return records;
    }

    /** The kept failures as key to error. */
    Map<String, String> keptMap() {
        return new LinkedHashMap<>(kept);
    }

    /** Failures counted past the cap. */
    long spilled() {
        return spilled;
    }

    /** The spill file, or {@code null} while nothing spilled. */
    Path file() {
        return file;
    }

    private void writeSpilled(String key, String error) {
        try {
            if (spill == null) {
                file = spillFile.get();
                spill = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                LOG.warn("more than {} objects failed; the full list of failures is in {}", cap, file);
                for (Map.Entry<String, String> e : kept.entrySet()) {
                    line(e.getKey(), e.getValue());
                }
            }
            line(key, error);
            spill.flush();
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not write failure of '{}' to {}: {}", key, file, e.getMessage());
        }
    }

    private void line(String key, String error) throws IOException {
        try {
            spill.write(JSON.writeValueAsString(new FailureRecord(key, error)));
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        spill.newLine();
    }

    @Override
    public void close() {
        if (spill != null) {
            try {
                spill.close();
            } catch (IOException e) {
                LOG.warn("could not close {}: {}", file, e.getMessage());
            }
        }
    }
}
