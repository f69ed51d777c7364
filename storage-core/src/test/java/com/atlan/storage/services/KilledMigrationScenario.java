package com.atlan.storage.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.state.JobState;
import com.atlan.storage.state.StateKeys;
import com.atlan.storage.testing.ChildJvm;
import com.atlan.storage.testing.ComponentFiles;
import com.atlan.storage.testing.CrashableAtlanMigration;
import com.atlan.storage.testing.SlowLocalStoreProvider;
import com.atlan.storage.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration configured from component files is killed with SIGKILL part way and run again with resume: the second
 * run finds the checkpoint in the state store the rule picks (the configured one, or the embedded default file when
 * there is none), takes over the dead run's lock, copies again at most what was in flight, and every object arrives
 * byte for byte. Subclasses name the state store.
 */
public abstract class KilledMigrationScenario {

    private static final int OBJECTS = 120;
    private static final int CONCURRENCY = 4;
    private static final String JOB = Checkpoint.jobIdFor("objectstore", "upstream-objectstore", "");

    @TempDir
    protected Path dir;

    /** The YAML of the {@code statestore} component, or {@code null} for a components folder without one. */
    protected abstract String stateStoreComponent();

    /** Text the description of the store holding the checkpoints must contain. */
    protected abstract String expectedStore();

    @Test
    void aMigrationKilledWithSigkillResumesFromItsCheckpointInTheStateStore() throws Exception {
        Path components = dir.resolve("components");
        ComponentFiles.write(
                components,
                "objectstore",
                ComponentFiles.yaml(
                        "objectstore", SlowLocalStoreProvider.TYPE, Map.of("rootPath", "./src", "openMs", "100")));
        ComponentFiles.localStore(components, "upstream-objectstore", "./dst");
        if (stateStoreComponent() != null) {
            ComponentFiles.write(components, "statestore", stateStoreComponent());
        }
        for (int i = 0; i < OBJECTS; i++) {
            TestData.writeRandomFile(
                    dir.resolve(String.format("src/data/%02d/part-%04d.bin", i % 7, i)), i, 1000 + i * 13L);
        }
        Map<String, String> env = Map.of(
                "ATLAN_STORAGE_COMPONENTS",
                components.toString(),
                "ATLAN_APPLICATION_NAME",
                "killed-" + UUID.randomUUID());

        StorageConfiguration configuration = StorageConfiguration.load(Optional.of(components), env, dir);
        killOnceCheckpointed(20, env, configuration);

        Map<Path, Object> before = inodes();
        assertThat(before.size()).as("the kill came part way").isBetween(1, OBJECTS - 1);
        String application = StateKeys.application(configuration.env(StateKeys.APPLICATION_ENV));
        try (JobState state = JobState.open(configuration, true, true)) {
            assertThat(state.backend().describe()).contains(expectedStore());
            Checkpoint saved = state.checkpoints()
                    .load(JOB)
                    .orElseThrow(() -> new AssertionError("the killed run left no checkpoint in "
                            + state.backend().describe() + "; its stderr: " + childErrors()));
            assertThat(saved.complete()).isFalse();
            assertThat(saved.totalFiles()).isPositive();
            assertThat(state.backend().get(StateKeys.lock(application, JOB)))
                    .as("the killed run's lock is still there")
                    .isPresent();
        }

        MigrationOptions resume = MigrationOptions.builder()
                .concurrency(CONCURRENCY)
                .resume(true)
                // without the listing-based skip, only the checkpoint keeps finished objects from being copied again
                .skipUnchanged(false)
                .build();
        MigrationSummary summary = new AtlanStorage(configuration, resume).migrate("");

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.totalFiles()).isEqualTo(OBJECTS);
        assertThat(summary.migratedFiles()).isEqualTo(OBJECTS);
        Map<Path, Object> after = inodes();
        long recopied = before.entrySet().stream()
                .filter(e -> !e.getValue().equals(after.get(e.getKey())))
                .count();
        assertThat(recopied)
                .as("objects written again although the killed run had finished them (in flight or after its last"
                        + " checkpoint)")
                .isLessThanOrEqualTo(2 * CONCURRENCY);
        assertThat(after).hasSize(OBJECTS);
        for (Path copied : after.keySet()) {
            Path original = dir.resolve("src").resolve(dir.resolve("dst").relativize(copied));
            assertThat(TestData.sha256(copied)).as(copied.toString()).isEqualTo(TestData.sha256(original));
        }
        try (JobState state = JobState.open(configuration, true, true)) {
            assertThat(state.checkpoints().load(JOB).orElseThrow().complete()).isTrue();
            assertThat(state.backend().get(StateKeys.lock(application, JOB)))
                    .as("the lock was taken over and released")
                    .isEmpty();
        }
    }

    /**
     * Starts the migration in a child JVM and kills it with SIGKILL once the state store holds a checkpoint of at
     * least {@code finished} objects (so the test does not depend on how soon the first save lands).
     */
    private void killOnceCheckpointed(int finished, Map<String, String> env, StorageConfiguration configuration)
            throws Exception {
        Path stderr = dir.resolve("child.err");
        Process child =
                ChildJvm.start(CrashableAtlanMigration.class, List.of(Integer.toString(CONCURRENCY)), env, dir, stderr);
        CompletableFuture<Void> copyOut = CompletableFuture.runAsync(() -> {
            try (var out = child.getInputStream()) {
                Files.copy(out, dir.resolve("child.out"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // the child was killed
            }
        });
        boolean reached = false;
        try (JobState state = JobState.open(configuration, true, false)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!reached && child.isAlive() && System.nanoTime() < deadline) {
                reached = state.checkpoints()
                        .load(JOB)
                        .filter(c -> c.totalFiles() >= finished)
                        .isPresent();
                Thread.sleep(20);
            }
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        copyOut.get(30, TimeUnit.SECONDS);
        assertThat(reached)
                .as("a checkpoint of %d objects was saved before the child ended; %s", finished, childErrors())
                .isTrue();
        assertThat(child.exitValue()).as("killed with SIGKILL, not finished").isEqualTo(137);
    }

    private String childErrors() {
        try {
            List<String> out =
                    Files.exists(dir.resolve("child.out")) ? Files.readAllLines(dir.resolve("child.out")) : List.of();
            return Files.readString(dir.resolve("child.err")) + "\n--- stdout ---\n"
                    + String.join("\n", out.subList(Math.max(0, out.size() - 80), out.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Each file at the destination with its inode: a file written again gets a new one (writes rename into place). */
    private Map<Path, Object> inodes() throws IOException {
        Map<Path, Object> inodes = new HashMap<>();
        if (!Files.isDirectory(dir.resolve("dst"))) {
            return inodes;
        }
        try (Stream<Path> files = Files.walk(dir.resolve("dst"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                inodes.put(f, Files.getAttribute(f, "unix:ino"));
            }
        }
        return inodes;
    }
}
