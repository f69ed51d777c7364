package com.atlan.storage.faultruns;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.accounting.FailureRecord;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.s3.S3ProxyServer;
import com.atlan.storage.services.AtlanStorage;
import com.atlan.storage.testkit.Fault;
import com.atlan.storage.testkit.FaultPlan;
import com.atlan.storage.testkit.FaultProxy;
import com.atlan.storage.testkit.InjectedFault;
import com.atlan.storage.testkit.RequestKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: bytes corrupted in flight are never reported migrated. A byte is flipped in most object downloads from
 * the source and in some uploads to the destination (length and headers kept), over the 2,000-object data set.
 * Every object the summary counts as migrated must hold the source's bytes at the destination; a corrupted transfer
 * must end retried to a good copy or reported failed, and a failed one must leave no bad object under its key.
 */
@Tag("fault-runs")
class CorruptionRunTest {

    private static final S3ProxyServer S3 = S3ProxyServer.get();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void corruptedTransfersAreNeverReportedMigrated() throws Exception {
        MixedDataSet data = MixedDataSet.standard();
        String bucket = S3.newBucket();
        FaultPlan flipDownloads = FaultPlan.builder()
                .seed(11)
                .probability(RequestKind.GET, 0.6)
                .faults(Fault.FLIP_RESPONSE_BYTE)
                .build();
        FaultPlan flipUploads = FaultPlan.builder()
                .seed(12)
                .probability(RequestKind.PUT, 0.3)
                .faults(Fault.FLIP_REQUEST_BYTE)
                .build();
        try (FaultProxy source = FaultProxy.start(S3.endpoint(), flipDownloads);
                FaultProxy destination = FaultProxy.start(S3.endpoint(), flipUploads)) {
            AtlanStorage storage = new AtlanStorage(
                    Stores.configuration(Stores.write(dir, source.uri(), data.bucket(), destination.uri(), bucket)),
                    MigrationOptions.defaults());

            MigrationOutcome migrated = MigrationOutcome.of(() -> storage.migrate(MixedDataSet.PREFIX));
            Destination held = Destination.read(S3, bucket, data);

            Set<String> flippedKeys = new TreeSet<>();
            List<InjectedFault> flips = new java.util.ArrayList<>(source.injected());
            flips.addAll(destination.injected());
            for (InjectedFault f : flips) {
                flippedKeys.add(keyOf(f.target(), bucket, data.bucket()));
            }
            Set<String> failed = migrated.summary() == null
                    ? Set.of()
                    : migrated.summary().failures().stream()
                            .map(FailureRecord::file)
                            .collect(Collectors.toCollection(TreeSet::new));
            List<String> falseSuccesses =
                    held.differing().stream().filter(k -> !failed.contains(k)).toList();
            List<String> badCopiesLeft =
                    held.differing().stream().filter(failed::contains).toList();
            RunLog.append(
                    "library, flipped bytes (GET 60%, PUT 30%)",
                    "migrate: " + migrated.describe(),
                    "flips injected: " + flips.size() + " (downloads "
                            + source.injected().size() + ", uploads "
                            + destination.injected().size() + ") in " + flippedKeys.size() + " objects",
                    held.describe(),
                    "false successes (reported migrated, bytes differ): " + falseSuccesses.size() + " "
                            + falseSuccesses.stream().limit(5).toList(),
                    "failed objects whose corrupt copy stayed under the final key: " + badCopiesLeft.size() + " "
                            + badCopiesLeft.stream().limit(5).toList());

            assertThat(flips)
                    .as("the run must corrupt at least 1,000 transfers")
                    .hasSizeGreaterThanOrEqualTo(1000);
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(falseSuccesses)
                    .as("objects reported migrated whose destination bytes differ")
                    .isEmpty();
            soft.assertThat(badCopiesLeft)
                    .as("failed objects that left a corrupt copy under their final key")
                    .isEmpty();
            if (migrated.summary() != null) {
                soft.assertThat(migrated.summary().totalFiles())
                        .as("total_files")
                        .isEqualTo(data.size());
                soft.assertThat(migrated.summary().migratedFiles()
                                + migrated.summary().failedMigrations())
                        .as("migrated + failed")
                        .isEqualTo(data.size());
                soft.assertThat(held.digests().size() - badCopiesLeft.size())
                        .as("good objects at the destination = migrated_files")
                        .isEqualTo(migrated.summary().migratedFiles());
            }
            soft.assertAll();
        }
    }

    /** The object key of a path-style request target {@code /bucket/key?query}. */
    private static String keyOf(String target, String... buckets) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        for (String b : buckets) {
            if (path.startsWith("/" + b + "/")) {
                return java.net.URLDecoder.decode(
                        path.substring(b.length() + 2), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return path;
    }
}
