package com.atlan.storage.faultruns;

import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.s3.S3ProxyServer;
import com.atlan.storage.testkit.FaultPlan;
import com.atlan.storage.testkit.FaultProxy;
import com.atlan.storage.verify.VerificationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 through the command line: the 20%-faults run of {@link FaultRunTest} once, by {@code bin/atlan-storage
 * migrate --json} and {@code verify --download --json} as separate processes, judged by exit codes and output.
 */
@Tag("fault-runs")
class CliFaultRunTest {

    private static final S3ProxyServer S3 = S3ProxyServer.get();
    private static final long SEED = 101;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 40, unit = TimeUnit.MINUTES)
    void theCommandLineSurvivesTwentyPercentFaultsOnEachSide() throws Exception {
        MixedDataSet data = MixedDataSet.standard();
        String bucket = S3.newBucket();
        try (FaultProxy source = FaultProxy.start(S3.endpoint(), FaultPlan.transportFaults(SEED, FaultRun.FAULT_RATE));
                FaultProxy destination = FaultProxy.start(
                        S3.endpoint(), FaultPlan.transportFaults(SEED + 1_000_000, FaultRun.FAULT_RATE))) {
            Path components = Files.createDirectories(dir.resolve("components"));
            Stores.write(components, source.uri(), data.bucket(), destination.uri(), bucket);

            Launcher migrate = Launcher.run(
                    dir,
                    "migrate",
                    "--components",
                    components.toString(),
                    "--prefix",
                    MixedDataSet.PREFIX,
                    "--json",
                    "--no-progress");
            Launcher verify = Launcher.run(
                    dir,
                    "verify",
                    "--components",
                    components.toString(),
                    "--prefix",
                    MixedDataSet.PREFIX,
                    "--download",
                    "--json");
            Destination held = Destination.read(S3, bucket, data);
            MigrationSummary summary = parse(migrate.out(), MigrationSummary.class);
            VerificationReport report = parse(verify.out(), VerificationReport.class);
            RunLog.append(
                    "bin/atlan-storage, 20% faults each side, seed " + SEED,
                    "migrate: exit " + migrate.exitCode() + ", stdout " + oneLine(migrate.out()) + ", stderr "
                            + oneLine(migrate.errTail()),
                    "verify --download: exit " + verify.exitCode() + ", stdout " + oneLine(verify.out()) + ", stderr "
                            + oneLine(verify.errTail()),
                    "faults injected: source " + source.stats().toJson() + ", destination "
                            + destination.stats().toJson(),
                    held.describe());

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(migrate.exitCode())
                    .as("migrate's exit; stderr %s", migrate.errTail())
                    .isZero();
            soft.assertThat(summary).as("migrate --json printed a summary").isNotNull();
            if (summary != null) {
                soft.assertThat(summary.totalFiles()).as("total_files").isEqualTo(data.size());
                soft.assertThat(summary.migratedFiles()).as("migrated_files").isEqualTo(data.size());
                soft.assertThat(summary.failedMigrations())
                        .as("failed_migrations")
                        .isZero();
            }
            soft.assertThat(held.identical()).as(held.describe()).isTrue();
            soft.assertThat(verify.exitCode())
                    .as("verify's exit; stderr %s", verify.errTail())
                    .isZero();
            if (report != null) {
                soft.assertThat(report.total()).as("verify's total").isEqualTo(data.size());
            }
            soft.assertAll();
        }
    }

    /** The JSON document on stdout, or {@code null} when there is none. */
    private static <T> T parse(String stdout, Class<T> type) {
        String s = stdout.strip();
        if (s.isEmpty() || !s.startsWith("{")) {
            return null;
        }
        try {
            return new ObjectMapper().readValue(s, type);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String oneLine(String s) {
        String t = s.strip().replace('\n', ' ');
        if (t.isEmpty()) {
            return "(empty)";
        }
        return t.length() > 400 ? t.substring(0, 400) + "..." : t;
    }
}
