package com.atlan.storage.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.state.memory.InMemoryStateBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The job lock of issue 11 item 7: one run per job, who holds it and since when, takeover of dead leases. */
class JobLockTest {

    private static final Duration TTL = Duration.ofMinutes(1);

    private final StateBackend backend = InMemoryStateBackend.named("locks-" + UUID.randomUUID());
    private final String key = StateKeys.lock("default", "job-1");

    private void writeLease(String host, long pid, Instant processStart, Instant expires) {
        JobLease lease = new JobLease(
                "job-1", host, pid, processStart, "other-run", Instant.parse("2026-01-02T03:04:05Z"), expires);
        backend.put(key, StateDocuments.write(lease.toJson()), Condition.always());
    }

    @Test
    void aSecondRunOfTheSameJobIsRefusedNamingWhoHoldsItAndSinceWhen() {
        try (JobLock first = JobLock.acquire(backend, key, "job-1")) {
            assertThat(first.held()).isTrue();
            assertThatThrownBy(() -> JobLock.acquire(backend, key, "job-1"))
                    .isInstanceOf(JobLockedException.class)
                    .hasMessageContaining("job 'job-1' is already running on host "
                            + first.lease().host())
                    .hasMessageContaining("(pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining("since " + first.lease().acquiredAt())
                    .satisfies(e -> assertThat(((JobLockedException) e).holder().runId())
                            .isEqualTo(first.lease().runId()));
        }
    }

    @Test
    void releasingTheLockLetsTheNextRunTakeIt() {
        JobLock first = JobLock.acquire(backend, key, "job-1");
        first.close();
        assertThat(first.held()).isFalse();
        assertThat(backend.get(key)).isEmpty();
        try (JobLock second = JobLock.acquire(backend, key, "job-1")) {
            assertThat(second.held()).isTrue();
        }
    }

    @Test
    void aLiveLeaseOnAnotherHostIsRefusedUntilItExpiresThenTakenOver() {
        Instant expires = Instant.now().plus(Duration.ofMinutes(5));
        writeLease("build-7.example", 4242, null, expires);
        assertThatThrownBy(() -> JobLock.acquire(backend, key, "job-1"))
                .isInstanceOf(JobLockedException.class)
                .hasMessageContaining("host build-7.example (pid 4242) since 2026-01-02T03:04:05Z")
                .hasMessageContaining("lapses at " + expires);

        Clock later = Clock.fixed(expires.plusSeconds(1), ZoneOffset.UTC);
        try (JobLock taken = JobLock.acquire(backend, key, "job-1", TTL, later)) {
            assertThat(taken.held()).isTrue();
            assertThat(taken.lease().host()).isNotEqualTo("build-7.example");
        }
    }

    @Test
    void aLeaseWhoseProcessIsGoneFromThisHostIsTakenOverAtOnce() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(30, TimeUnit.SECONDS);
        String host = JobLease.forThisProcess("x", Instant.now(), TTL).host();
        writeLease(host, gone.pid(), null, Instant.now().plus(Duration.ofMinutes(5)));
        try (JobLock taken = JobLock.acquire(backend, key, "job-1")) {
            assertThat(taken.lease().pid()).isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void aLeaseOfAReusedPidIsTakenOver() {
        JobLease me = JobLease.forThisProcess("x", Instant.now(), TTL);
        writeLease(
                me.host(),
                me.pid(),
                Instant.parse("2001-01-01T00:00:00Z"),
                Instant.now().plus(Duration.ofMinutes(5)));
        try (JobLock taken = JobLock.acquire(backend, key, "job-1")) {
            assertThat(taken.held()).isTrue();
        }
    }

    @Test
    void aDamagedLockRecordIsTakenOver() {
        backend.put(key, "{\"not\":\"a lease\"}", Condition.always());
        try (JobLock taken = JobLock.acquire(backend, key, "job-1")) {
            assertThat(taken.held()).isTrue();
        }
    }

    @Test
    void theLeaseIsRenewedWhileTheRunLasts() {
        try (JobLock lock = JobLock.acquire(backend, key, "job-1", Duration.ofMillis(300), Clock.systemUTC())) {
            String first = backend.get(key).orElseThrow().version();
            awaitTrue(() -> !backend.get(key).orElseThrow().version().equals(first));
            assertThat(lock.held()).isTrue();
            assertThat(lock.lease().expiresAt())
                    .isAfter(lock.lease().acquiredAt().plusMillis(300));
        }
    }

    @Test
    void aRunThatLostItsLeaseStopsClaimingItAndLeavesTheNewHolderAlone() {
        JobLock lock = JobLock.acquire(backend, key, "job-1", Duration.ofMillis(300), Clock.systemUTC());
        writeLease("build-7.example", 4242, null, Instant.now().plus(Duration.ofMinutes(5)));
        awaitTrue(() -> !lock.held());
        lock.close();
        assertThat(backend.get(key).orElseThrow().value()).contains("build-7.example");
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as("waited 30 s for the renewal thread")
                    .isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
