package com.atlan.storage.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds a migration job's lock and until when: the value of the lock key in the state store, as JSON.
 *
 * @param jobId        the job
 * @param host         the host name of the holder
 * @param pid          the holder's process id
 * @param processStart when the holder's process started (tells a live process from a reused pid), or {@code null}
 * @param runId        a random id of the holding run
 * @param acquiredAt   when the run took the lock
 * @param expiresAt    when the lock lapses unless renewed
 */
public record JobLease(
        String jobId,
        String host,
        long pid,
        Instant processStart,
        String runId,
        Instant acquiredAt,
        Instant expiresAt) {

    public JobLease {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A new lease of {@code jobId} for this process, from {@code now} for {@code ttl}. */
    static JobLease forThisProcess(String jobId, Instant now, Duration ttl) {
        ProcessHandle self = ProcessHandle.current();
        return new JobLease(
                jobId,
                thisHost(),
                self.pid(),
                self.info().startInstant().orElse(null),
                UUID.randomUUID().toString(),
                now,
                now.plus(ttl));
    }

    /** This lease extended to {@code expiry}. */
    JobLease renewedUntil(Instant expiry) {
        return new JobLease(jobId, host, pid, processStart, runId, acquiredAt, expiry);
    }

    /**
     * Why another run may take this lease over at {@code now}, or empty while its holder may still be running: the
     * lease expired, or the holder ran on this host and its process is gone.
     */
    Optional<String> staleReason(Instant now) {
        if (!now.isBefore(expiresAt)) {
            return Optional.of("its lease expired at " + expiresAt);
        }
        if (host.equals(thisHost()) && !processAlive()) {
            return Optional.of("its process (pid " + pid + " on this host) is gone");
        }
        return Optional.empty();
    }

    private boolean processAlive() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        // A different start time means the pid was reused by another process.
        return processStart == null
                || started.isEmpty()
                || Duration.between(started.get(), processStart).abs().compareTo(Duration.ofSeconds(1)) <= 0;
    }

    /** {@code host H (pid P) since T}, for messages. */
    public String describeHolder() {
        return "host " + host + " (pid " + pid + ") since " + acquiredAt;
    }

    ObjectNode toJson() {
        ObjectNode node = StateDocuments.object();
        node.put("job_id", jobId);
        node.put("host", host);
        node.put("pid", pid);
        node.put("process_started_at", processStart == null ? null : processStart.toString());
        node.put("run_id", runId);
        node.put("acquired_at", acquiredAt.toString());
        node.put("expires_at", expiresAt.toString());
        return node;
    }

    /** The lease in {@code node}, or empty when it is not one (damaged or written by something else). */
    static Optional<JobLease> fromJson(JsonNode node) {
        try {
            JsonNode started = node.path("process_started_at");
            return Optional.of(new JobLease(
                    node.get("job_id").asText(),
                    node.get("host").asText(),
                    node.get("pid").asLong(),
                    started.isTextual() ? Instant.parse(started.asText()) : null,
                    node.get("run_id").asText(),
                    Instant.parse(node.get("acquired_at").asText()),
                    Instant.parse(node.get("expires_at").asText())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String thisHost() {
        return HOST;
    }

    private static final String HOST = lookUpHost();

    /** The kernel's host name where it can be read (no DNS lookup, which can stall), else the JVM's. */
    private static String lookUpHost() {
        try {
            String kernel =
                    Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnv = System.getenv("HOSTNAME");
            return fromEnv == null || fromEnv.isBlank() ? "unknown-host" : fromEnv;
        }
    }
}
