package com.atlan.storage.faultruns;

import com.atlan.storage.config.StorageConfiguration;
import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.s3.S3ProxyServer;
import com.atlan.storage.services.AtlanStorage;
import com.atlan.storage.testkit.FaultPlan;
import com.atlan.storage.testkit.FaultProxy;
import com.atlan.storage.verify.VerificationReport;
import java.nio.file.Path;
import org.assertj.core.api.SoftAssertions;

/**
 * Issue 11: 2,000 objects of mixed sizes, S3 -> S3 through one fault proxy per side with 20% of requests faulted on
 * each side (every kind of request, listings included; errors, resets, truncations and stalls), through the library
 * with default options. Every run must end as if nothing had happened: all objects migrated, exact counts, a
 * byte-identical destination (read without faults), and {@code verify --download} through the same faults finding
 * both sides identical. {@link FaultRunTest} runs 10 seeds (opt-in), {@link FaultRunSampleTest} two in every build.
 */
final class FaultRun {

    static final double FAULT_RATE = 0.2;
    private static final S3ProxyServer S3 = S3ProxyServer.get();

    private FaultRun() {}

    /** Runs seed {@code seed} in {@code dir} and asserts everything came through exactly. */
    static void migrateAndVerify(Path dir, long seed) throws Exception {
        MixedDataSet data = MixedDataSet.standard();
        String bucket = S3.newBucket();
        try (FaultProxy source = FaultProxy.start(S3.endpoint(), FaultPlan.transportFaults(seed, FAULT_RATE));
                FaultProxy destination =
                        FaultProxy.start(S3.endpoint(), FaultPlan.transportFaults(seed + 1_000_000, FAULT_RATE))) {
            StorageConfiguration stores =
                    Stores.configuration(Stores.write(dir, source.uri(), data.bucket(), destination.uri(), bucket));
            AtlanStorage storage = new AtlanStorage(stores, MigrationOptions.defaults());

            MigrationOutcome migrated = MigrationOutcome.of(() -> storage.migrate(MixedDataSet.PREFIX));
            String afterMigration = "faults injected: source " + source.stats().toJson() + ", destination "
                    + destination.stats().toJson();
            VerificationReport report = null;
            Throwable verifyError = null;
            try {
                report = storage.verify(MixedDataSet.PREFIX, Stores.SOURCE, Stores.DESTINATION, true);
            } catch (RuntimeException e) {
                verifyError = e;
            }
            Destination held = Destination.read(S3, bucket, data);
            RunLog.append(
                    "library, 20% faults each side, seed " + seed,
                    "migrate: " + migrated.describe(),
                    afterMigration,
                    "verify --download: "
                            + (verifyError != null
                                    ? "exit 2, " + RunLog.describe(verifyError)
                                    : "exit " + (report.matches() ? 0 : 1) + ", " + report.toJson()),
                    held.describe());

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(migrated.exitCode())
                    .as("migrate's exit: %s", migrated.describe())
                    .isZero();
            if (migrated.summary() != null) {
                soft.assertThat(migrated.summary().totalFiles())
                        .as("total_files")
                        .isEqualTo(data.size());
                soft.assertThat(migrated.summary().migratedFiles())
                        .as("migrated_files")
                        .isEqualTo(data.size());
                soft.assertThat(migrated.summary().failedMigrations())
                        .as("failed_migrations")
                        .isZero();
            }
            soft.assertThat(held.identical()).as(held.describe()).isTrue();
            soft.assertThat(verifyError)
                    .as("verify --download through the faults")
                    .isNull();
            if (report != null) {
                soft.assertThat(report.matches())
                        .as("verify: %s", report.toJson())
                        .isTrue();
                soft.assertThat(report.total()).as("verify's total").isEqualTo(data.size());
            }
            soft.assertAll();
        }
    }
}
