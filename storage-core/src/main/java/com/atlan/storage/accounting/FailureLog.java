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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failures of a job, bounded in memory: the first {@code cap} are kept with their errors, the rest only counted,
 * and a file of JSON lines ({@code {"file", "error"}}) lists every one. The file is either a spill file, created once
 * the cap is passed (the kept failures written first), or a file the caller names, written from the start, each
 * failure as it happens and flushed, so a killed run's file is readable up to the kill. Failures carried over from an
 * earlier run of the job are written when they fail again, or at {@link #close()} when they still stand, so the file
 * lists the job's failures once each. Errors are cut to {@value #MAX_ERROR_CHARS} characters. Not thread-safe: the
 * {@link RunLedger} guards it.
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
    private final Set<String> carried = new HashSet<>();
    private long spilled;
    private Path file;
    private BufferedWriter out;

    /** A log keeping {@code cap} failures, spilling the rest to the file {@code spillFile} gives when first needed. */
    public FailureLog(int cap, Supplier<Path> spillFile) {
        this(cap, Objects.requireNonNull(spillFile, "spillFile"), null);
    }

    /**
     * A log keeping {@code cap} failures and writing every failure to {@code everyFailure} as it happens; the file is
     * created (or emptied) now.
     *
     * @throws UncheckedIOException when the file cannot be written, naming it
     */
    public FailureLog(int cap, Path everyFailure) {
        this(cap, null, Objects.requireNonNull(everyFailure, "everyFailure"));
    }

    private FailureLog(int cap, Supplier<Path> spillFile, Path everyFailure) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be >= 1, not " + cap);
        }
        this.cap = cap;
        this.spillFile = spillFile;
        if (everyFailure != null) {
            try {
                open(everyFailure);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot write the failures file '" + everyFailure + "': " + e.getMessage(), e);
            }
        }
    }

    /** Records a failure an earlier run of the job left standing (from its checkpoint). */
    void carry(String key, String error) {
        if (kept.size() < cap) {
            kept.put(key, cut(error));
            carried.add(key);
        }
    }

    /** Records that {@code key} failed with {@code error}; a key already kept gets the new error. */
    void add(String key, String error) {
        String cut = cut(error);
        carried.remove(key);
        boolean keep = kept.containsKey(key) || (kept.size() < cap && spilled == 0);
        if (keep) {
            kept.put(key, cut);
        } else {
            spilled++;
        }
        if (out == null && !keep && spillFile != null) {
            startSpill();
        }
        if (out != null) {
            write(key, cut);
        }
    }

    private void startSpill() {
        Path target = null;
        try {
            target = spillFile.get();
            open(target);
            LOG.warn("more than {} objects failed; the full list of failures is in {}", cap, target);
            for (Map.Entry<String, String> e : kept.entrySet()) {
                if (!carried.contains(e.getKey())) {
                    line(e.getKey(), e.getValue());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not write the failures past {} to {}: {}", cap, target, e.getMessage());
        }
    }

    private void open(Path target) throws IOException {
        out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        file = target;
    }

    private void write(String key, String error) {
        try {
            line(key, error);
            out.flush();
        } catch (IOException e) {
            LOG.warn("could not write the failure of '{}' to {}: {}", key, file, e.getMessage());
        }
    }

    /** Forgets a kept failure (it is being retried); {@code false} when it is not kept. */
    boolean remove(String key) {
        carried.remove(key);
        return kept.remove(key) != null;
    }

    /** Whether {@code key} is a kept failure. */
    boolean contains(String key) {
        return kept.containsKey(key);
    }

    /** Failures in all: kept and counted past the cap. */
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

    /** The file listing every failure, or {@code null} while there is none. */
    Path file() {
        return file;
    }

    private static String cut(String error) {
        String cut = error == null ? "unknown error" : error;
        return cut.length() > MAX_ERROR_CHARS ? cut.substring(0, MAX_ERROR_CHARS) + "..." : cut;
    }

    private void line(String key, String error) throws IOException {
        try {
            out.write(JSON.writeValueAsString(new FailureRecord(key, error)));
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        out.newLine();
    }

    /** Writes the carried failures that still stand and closes the file. */
    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            for (Map.Entry<String, String> e : kept.entrySet()) {
                if (carried.contains(e.getKey())) {
                    line(e.getKey(), e.getValue());
                }
            }
            carried.clear();
            out.close();
        } catch (IOException e) {
            LOG.warn("could not close {}: {}", file, e.getMessage());
        }
        out = null;
    }
}
