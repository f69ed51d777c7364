package com.atlan.storage.faultruns;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlan.storage.migrate.MigrationOptions;
import com.atlan.storage.migrate.MigrationSummary;
import com.atlan.storage.s3.S3ProxyServer;
import com.atlan.storage.services.AtlanStorage;
import com.atlan.storage.testkit.FaultPlan;
import com.atlan.storage.testkit.FaultProxy;
import com.atlan.storage.testkit.RequestKind;
import com.atlan.storage.verify.VerificationReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault runs' premise, always run: with no fault planned the proxy is invisible to the S3 backend. Signed
 * requests (the Host header is forwarded as sent), multipart uploads, streamed PUTs and listings all pass through
 * it unchanged, and it tells each kind of S3 request apart.
 */
class TransparentProxyTest {

    private static final S3ProxyServer S3 = S3ProxyServer.get();

    @TempDir
    Path dir;

    @Test
    void aMigrationThroughFaultFreeProxiesIsExactAndSeesEveryKindOfRequest() throws Exception {
        MixedDataSet data = MixedDataSet.shared(S3, 60, 2);
        String bucket = S3.newBucket();
        try (FaultProxy source = FaultProxy.start(S3.endpoint(), FaultPlan.none());
                FaultProxy destination = FaultProxy.start(S3.endpoint(), FaultPlan.none())) {
            AtlanStorage storage = new AtlanStorage(
                    Stores.configuration(Stores.write(dir, source.uri(), data.bucket(), destination.uri(), bucket)),
                    MigrationOptions.defaults());

            MigrationSummary summary = storage.migrate(MixedDataSet.PREFIX);
            VerificationReport report = storage.verify(MixedDataSet.PREFIX, Stores.SOURCE, Stores.DESTINATION, true);

            assertThat(summary.migratedFiles()).isEqualTo(data.size());
            assertThat(summary.failedMigrations()).isZero();
            assertThat(report.matches()).as(report.toJson()).isTrue();
            assertThat(Destination.read(S3, bucket, data).identical()).isTrue();
            assertThat(source.injected()).isEmpty();
            assertThat(destination.injected()).isEmpty();
            assertThat(source.requests(RequestKind.LIST)).isPositive();
            assertThat(source.requests(RequestKind.GET)).isGreaterThanOrEqualTo(data.size() - 2L);
            assertThat(destination.requests(RequestKind.LIST)).isPositive();
            assertThat(destination.requests(RequestKind.PUT)).isGreaterThanOrEqualTo(data.size());
            assertThat(destination.requests(RequestKind.POST))
                    .as("a multipart upload is created and completed by POSTs")
                    .isGreaterThanOrEqualTo(2);
        }
    }
}
