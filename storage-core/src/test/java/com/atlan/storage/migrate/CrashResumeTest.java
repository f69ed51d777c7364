package com.atlan.storage.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.state.Checkpoint;
import com.atlan.storage.state.SqliteCheckpointStore;
import com.atlan.storage.store.KeyOrder;
import com.atlan.storage.store.ObjectInfo;
import com.atlan.storage.store.local.LocalBackend;
import com.atlan.storage.testing.CountingBackend;
import com.atlan.storage.testing.ForwardingBackend;
import com.atlan.storage.testing.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a migration's JVM with SIGKILL at several points, resumes it, and checks that every object arrives
 * byte for byte, the counts add up over the whole job, and little is copied twice.
 */
class CrashResumeTest {

    private static final int CONCURRENCY = 4;
    private static final String JOB = "crash-test";

    @TempDir
    Path dir;

    private Path sourceDir() {
        return dir.resolve("src");
    }

    private Path destinationDir() {
        return dir.resolve("dst");
    }

    private Path database() {
        return dir.resolve("state/statestore.db");
    }

    private void seedSmall(int count) {
        for (int i = 0; i < count; i++) {
            TestData.writeRandomFile(
                    sourceDir().resolve(String.format("data/%02d/part-%04d.bin", i % 7, i)), i, 1000 + i * 13L);
        }
    }

    @Test
    void resumesAfterKillDuringListing() throws Exception {
        seedSmall(150);
        killWhen(line -> line.startsWith("migrated "), 30, 20, 30, 0);
        resumeAndCheck(150);
    }

    @Test
    void resumesAfterKillMidTransfer() throws Exception {
        seedSmall(120);
        killWhen(line -> line.startsWith("migrated "), 40, 0, 120, 0);
        resumeAndCheck(120);
    }

    @Test
    void resumesAfterKillDuringLargeTransfer() throws Exception {
        seedSmall(20);
        TestData.writeRandomFile(sourceDir().resolve("data/03/zz-large.bin"), 99, 24L * 1024 * 1024);
        killWhen(
                line -> line.startsWith("bytes ") && Long.parseLong(line.substring(6)) > 8L * 1024 * 1024, 1, 0, 20, 5);
        resumeAndCheck(21);
    }

    /** Starts the migration in a child JVM and kills it with SIGKILL once {@code times} lines match. */
    private void killWhen(Predicate<String> line, int times, long listMs, long openMs, long readMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashableMigration.class.getName(),
                        sourceDir().toString(),
                        destinationDir().toString(),
                        database().toString(),
                        JOB,
                        "" + CONCURRENCY,
                        "" + listMs,
                        "" + openMs,
                        "" + readMs)
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        CompletableFuture<Boolean> seen = CompletableFuture.supplyAsync(() -> {
            int matched = 0;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = out.readLine()) != null) {
                    if (line.test(l) && ++matched >= times) {
                        return true;
                    }
                }
            } catch (IOException e) {
                return false;
            }
            return false;
        });
        boolean reached = seen.get(60, TimeUnit.SECONDS);
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(reached)
                .as("the child got far enough before the kill; see " + dir.resolve("child.err"))
                .isTrue();
        assertThat(child.exitValue()).as("killed, not finished").isEqualTo(137);
    }

    private void resumeAndCheck(int objects) throws IOException {
        LocalBackend source = new LocalBackend("objectstore", sourceDir());
        LocalBackend destination = new LocalBackend("upstream-objectstore", destinationDir());
        Set<String> presentBefore =
                destination.list("", null).map(ObjectInfo::key).collect(Collectors.toSet());
        assertThat(presentBefore.size()).as("the kill came part way").isLessThan(objects);

        try (SqliteCheckpointStore checkpoints = SqliteCheckpointStore.open(database())) {
            Checkpoint saved = checkpoints.load(JOB).orElseThrow();
            assertThat(saved.complete()).isFalse();
            List<String> uncovered = presentBefore.stream()
                    .filter(k -> !covers(saved, k))
                    .sorted()
                    .toList();
            assertThat(uncovered)
                    .as("objects written but not yet in the checkpoint: in flight or finished since the"
                            + " last save (every object outlasts the 50 ms save interval)")
                    .hasSizeLessThanOrEqualTo(2 * CONCURRENCY);

            CountingBackend counted = new CountingBackend(destination);
            MigrationOptions options = MigrationOptions.builder()
                    .concurrency(CONCURRENCY)
                    .resume(true)
                    .jobId(JOB)
                    .build();
            MigrationSummary summary =
                    new Migrator(new ForwardingBackend(source), counted, "", options, checkpoints).run();

            Set<String> recopied = new HashSet<>(counted.putKeys);
            recopied.retainAll(presentBefore);
            System.out.printf(
                    "objects=%d presentAtKill=%d notInCheckpoint=%d resumedPuts=%d recopied=%d migrated=%d skipped=%d%n",
                    objects,
                    presentBefore.size(),
                    uncovered.size(),
                    counted.puts.get(),
                    recopied.size(),
                    summary.migratedFiles(),
                    summary.skippedFiles());
            assertThat(recopied)
                    .as("objects copied again although already at the destination")
                    .hasSizeLessThanOrEqualTo(CONCURRENCY);
            assertThat(counted.puts.get()).isEqualTo(objects - presentBefore.size() + recopied.size());
            assertThat(summary.failures()).isEmpty();
            assertThat(summary.totalFiles()).isEqualTo(objects);
            assertThat(summary.migratedFiles() + summary.failedMigrations()).isEqualTo(objects);
            assertThat(checkpoints.load(JOB).orElseThrow().complete()).isTrue();
        }
        List<String> keys =
                new ArrayList<>(source.list("", null).map(ObjectInfo::key).toList());
        assertThat(destination.list("", null).map(ObjectInfo::key).toList()).containsExactlyElementsOf(keys);
        for (String key : keys) {
            assertThat(TestData.sha256(destination.root().resolve(key)))
                    .as(key)
                    .isEqualTo(TestData.sha256(source.root().resolve(key)));
        }
    }

    private static boolean covers(Checkpoint checkpoint, String key) {
        return (checkpoint.watermark() != null && KeyOrder.compare(key, checkpoint.watermark()) <= 0)
                || checkpoint.doneAboveWatermark().contains(key)
                || checkpoint.failures().containsKey(key);
    }
}
