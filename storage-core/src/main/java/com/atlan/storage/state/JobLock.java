package com.atlan.storage.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A migration job's lock: a lease in the state store ({@link JobLease}) that expires unless renewed, renewed on a
 * daemon thread while the run lasts and released by {@link #close()}. A second run of the same job is refused with
 * a {@link JobLockedException} naming the holder; a lease that expired, or whose holder ran on this host and is gone
 * (killed), is taken over. Taking, renewing and releasing are conditional writes, so two runs never both hold it
 * (on stores that are {@link StateBackend#atomicAcrossProcesses() atomic across processes}).
 */
public final class JobLock implements AutoCloseable {

    /** How long a lease lasts without renewal; it is renewed every third of that. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(JobLock.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 10;
    private static final JobLock NONE = new JobLock(null, null, null, Duration.ZERO, Clock.systemUTC(), null);

    private final StateBackend backend;
    private final String key;
    private final Duration ttl;
    private final Clock clock;
    private final ScheduledExecutorService renewer;
    private volatile JobLease lease;
    private volatile String version;
    private volatile boolean held;

    private JobLock(StateBackend backend, String key, JobLease lease, Duration ttl, Clock clock, String version) {
        this.backend = backend;
        this.key = key;
        this.lease = lease;
        this.ttl = ttl;
        this.clock = clock;
        this.version = version;
        this.held = backend != null;
        this.renewer = backend == null
                ? null
                : Executors.newSingleThreadScheduledExecutor(r ->
                        Thread.ofPlatform().name("atlan-job-lock").daemon(true).unstarted(r));
        if (renewer != null) {
            long every = Math.max(1, ttl.toMillis() / 3);
            var unused = renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** A lock that holds nothing, for runs without a state store. */
    public static JobLock none() {
        return NONE;
    }

    /**
     * Takes the lock of {@code jobId} at {@code key} for {@link #DEFAULT_TTL}.
     *
     * @throws JobLockedException  when another live run holds it
     * @throws StateStoreException when the store fails
     */
    public static JobLock acquire(StateBackend backend, String key, String jobId) {
        return acquire(backend, key, jobId, DEFAULT_TTL, Clock.systemUTC());
    }

    /** {@link #acquire(StateBackend, String, String)} with a lease of {@code ttl} on {@code clock}. */
    static JobLock acquire(StateBackend backend, String key, String jobId, Duration ttl, Clock clock) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            JobLease mine = JobLease.forThisProcess(jobId, clock.instant(), ttl);
            Optional<StateEntry> current = backend.get(key);
            if (current.isPresent()) {
                Optional<JobLease> holder = parse(current.get());
                Optional<String> stale = holder.isEmpty()
                        ? Optional.of("its lock record is damaged")
                        : holder.get().staleReason(clock.instant());
                if (stale.isEmpty()) {
                    throw new JobLockedException(lockedMessage(jobId, holder.get()), holder.get());
                }
                Optional<String> taken = backend.put(
                        key, write(mine), Condition.version(current.get().version()));
                if (taken.isPresent()) {
                    LOG.warn(
                            "job {}: took over the lock of {}: {}",
                            jobId,
                            holder.map(JobLease::describeHolder).orElse("an unknown run"),
                            stale.get());
                    return new JobLock(backend, key, mine, ttl, clock, taken.get());
                }
            } else {
                Optional<String> taken = backend.put(key, write(mine), Condition.absent());
                if (taken.isPresent()) {
                    LOG.debug("job {}: locked in {}", jobId, backend.describe());
                    return new JobLock(backend, key, mine, ttl, clock, taken.get());
                }
            }
        }
        throw new StateStoreException(backend.describe() + ": could not take the lock of job '" + jobId + "' after "
                + MAX_ATTEMPTS + " attempts; other runs kept changing it");
    }

    private static String lockedMessage(String jobId, JobLease holder) {
        return "job '" + jobId + "' is already running on " + holder.describeHolder()
                + "; wait for it to finish. If that run was killed, its lock lapses at " + holder.expiresAt()
                + " (a run on the same host takes it over at once)";
    }

    /** Whether this run still holds the lock (false once released, or when another run took it over). */
    public boolean held() {
        return held;
    }

    /** The lease as last written, or {@code null} for {@link #none()}. */
    public JobLease lease() {
        return lease;
    }

    private void renew() {
        if (!held) {
            return;
        }
        JobLease renewed = lease.renewedUntil(clock.instant().plus(ttl));
        try {
            Optional<String> written = backend.put(key, write(renewed), Condition.version(version));
            if (written.isPresent()) {
                lease = renewed;
                version = written.get();
                return;
            }
            held = false;
            String holder = backend.get(key)
                    .flatMap(JobLock::parse)
                    .map(JobLease::describeHolder)
                    .orElse("nobody");
            LOG.error(
                    "job {}: lost its lock (now held by {}) after failing to renew it in time; another run may copy"
                            + " the same objects",
                    lease.jobId(),
                    holder);
            renewer.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("job {}: could not renew its lock ({}); retrying", lease.jobId(), e.getMessage());
        }
    }

    /** Stops renewing and releases the lock, unless another run took it over meanwhile. */
    @Override
    public void close() {
        if (backend == null) {
            return;
        }
        renewer.shutdownNow();
        try {
            renewer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!held) {
            return;
        }
        held = false;
        try {
            backend.delete(key, Condition.version(version));
        } catch (RuntimeException e) {
            LOG.warn(
                    "job {}: could not release its lock ({}); it lapses at {}",
                    lease.jobId(),
                    e.getMessage(),
                    lease.expiresAt());
        }
    }

    private static Optional<JobLease> parse(StateEntry entry) {
        try {
            return JobLease.fromJson(JSON.readTree(entry.value()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String write(JobLease lease) {
        return StateDocuments.write(lease.toJson());
    }
}
