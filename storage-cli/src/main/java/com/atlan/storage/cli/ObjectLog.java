package com.atlan.storage.cli;

import com.atlan.storage.accounting.ObjectEvent;
import com.atlan.storage.accounting.ProgressListener;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one JSON line per object as each ends ({@code --log-json} of a run, {@code --manifest} of a plan): key,
 * size, action, reason, outcome, bytes, attempts, duration and error. Each line is flushed as it is written, so the
 * file of a killed run is readable up to the kill.
 */
final class ObjectLog implements ProgressListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectLog.class);

    private final Path file;
    private final BufferedWriter out;
    private boolean failed;

    private ObjectLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Creates (or empties) {@code file}.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    static ObjectLog open(Path file) {
        try {
            return new ObjectLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write '" + file + "': " + e.getMessage(), e);
        }
    }

    /** The line for {@code event}. */
    static String line(ObjectEvent event) {
        ObjectNode n = Json.object();
        n.put("key", event.key());
        n.put("size", event.size());
        n.put("action", event.action().name().toLowerCase(Locale.ROOT));
        n.put("reason", event.reason().code());
        n.put("outcome", event.outcome().name().toLowerCase(Locale.ROOT));
        n.put("bytes", event.bytes());
        n.put("attempts", event.attempts());
        n.put("duration_ms", event.duration().toMillis());
        if (event.error() != null) {
            n.put("error", event.error());
        }
        n.put("time", event.time().toString());
        return Json.write(n);
    }

    @Override
    public synchronized void onObject(ObjectEvent event) {
        if (failed) {
            return;
        }
        try {
            out.write(line(event));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            failed = true;
            LOG.error("writing the per-object log {} failed; no more lines are written: {}", file, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing {} failed: {}", file, e.getMessage());
        }
    }
}
