package com.atlan.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlan.storage.store.StorageConfigException;
import com.atlan.storage.store.StoreSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3StoreConfigTest {

    private static S3StoreConfig config(Map<String, String> metadata, Map<String, String> env) {
        Map<String, String> m = new HashMap<>(metadata);
        m.putIfAbsent("bucket", "b");
        return S3StoreConfig.from(new StoreSettings("comp", "bindings.aws.s3", m, null, 16), env::get);
    }

    @Test
    void regionFallsBackToEnvironmentThenUsEast1() {
        assertThat(config(Map.of("region", "eu-west-2"), Map.of("AWS_REGION", "x"))
                        .region())
                .isEqualTo("eu-west-2");
        assertThat(config(Map.of(), Map.of("AWS_REGION", "ap-south-1", "AWS_DEFAULT_REGION", "y"))
                        .region())
                .isEqualTo("ap-south-1");
        assertThat(config(Map.of(), Map.of("AWS_DEFAULT_REGION", "sa-east-1")).region())
                .isEqualTo("sa-east-1");
        assertThat(config(Map.of(), Map.of()).region()).isEqualTo("us-east-1");
    }

    @Test
    void compatibilityModeIsOnForNonAwsEndpointsUnlessOverridden() {
        assertThat(config(Map.of(), Map.of()).legacyS3Compatible()).isFalse();
        assertThat(config(Map.of("endpoint", "https://s3.eu-west-1.amazonaws.com"), Map.of())
                        .legacyS3Compatible())
                .isFalse();
        S3StoreConfig minio = config(Map.of("endpoint", "http://127.0.0.1:9000"), Map.of());
        assertThat(minio.legacyS3Compatible()).isTrue();
        assertThat(minio.forcePathStyle()).isTrue();
        assertThat(config(Map.of("endpoint", "http://127.0.0.1:9000", "legacyS3Compatible", "false"), Map.of())
                        .legacyS3Compatible())
                .isFalse();
        assertThat(config(Map.of("legacyS3Compatible", "true"), Map.of()).legacyS3Compatible())
                .isTrue();
    }

    @Test
    void endpointWithoutSchemeUsesHttpsUnlessSslIsDisabled() {
        assertThat(config(Map.of("endpoint", "tenant.atlan.com/api/blobstorage"), Map.of())
                        .endpoint()
                        .toString())
                .isEqualTo("https://tenant.atlan.com/api/blobstorage");
        assertThat(config(Map.of("endpoint", "minio:9000", "disableSSL", "true"), Map.of())
                        .endpoint()
                        .toString())
                .isEqualTo("http://minio:9000");
    }

    @Test
    void onlyOneKeyOfThePairFallsBackToTheDefaultChain() {
        assertThat(config(Map.of("accessKey", "AKIA-ONLY"), Map.of())
                        .credentials()
                        .identity())
                .isEqualTo("default-chain");
        assertThat(config(Map.of(), Map.of()).credentials().identity()).isEqualTo("default-chain");
        S3StoreConfig keyed = config(Map.of("accessKey", "AKIA-X", "secretKey", "s3cr3t"), Map.of());
        assertThat(keyed.credentials().source()).isEqualTo("accessKey/secretKey from component 'comp'");
        assertThat(keyed.toString()).doesNotContain("AKIA-X").doesNotContain("s3cr3t");
        assertThat(keyed.credentials().identity()).doesNotContain("AKIA-X").doesNotContain("s3cr3t");
    }

    @Test
    void sizesAcceptBinaryUnitsAndRejectNonsense() {
        S3StoreConfig c = config(
                Map.of("multipartThreshold", "16MiB", "multipartPartSize", "10MB", "byteBudget", "1GiB"), Map.of());
        assertThat(c.multipartThreshold()).isEqualTo(16L << 20);
        assertThat(c.partSize()).isEqualTo(10L << 20);
        assertThat(c.byteBudget()).isEqualTo(1L << 30);
        assertThatThrownBy(() -> config(Map.of("byteBudget", "lots"), Map.of()))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("byteBudget");
        assertThatThrownBy(() -> config(Map.of("multipartPartSize", "1MiB"), Map.of()))
                .isInstanceOf(StorageConfigException.class);
        assertThatThrownBy(() -> config(Map.of("bucket", ""), Map.of()))
                .isInstanceOf(StorageConfigException.class)
                .hasMessageContaining("bucket");
    }

    @Test
    void partsGrowSoThatAnObjectNeedsAtMostTenThousand() {
        long mib = 1L << 20;
        assertThat(MultipartUploader.partSize(100 * mib, 8 * mib)).isEqualTo(8 * mib);
        long huge = 5L << 40; // 5 TiB, S3's largest object
        long part = MultipartUploader.partSize(huge, 8 * mib);
        assertThat(Math.ceilDiv(huge, part)).isLessThanOrEqualTo(10_000);
        assertThat(part % mib).isZero();
    }

    @Test
    void connectionPoolCoversTransfersAndPartsInFlight() {
        S3StoreConfig c = config(Map.of(), Map.of());
        // 16 transfers plus the parts the default 64 MiB budget holds in flight (8 x 8 MiB)
        assertThat(c.maxConnections()).isEqualTo(16 + 8);
    }
}
