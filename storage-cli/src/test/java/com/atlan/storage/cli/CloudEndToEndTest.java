package com.atlan.storage.cli;

import com.atlan.storage.azure.AzuriteServer;
import com.atlan.storage.gcs.FakeGcsServer;
import com.atlan.storage.s3.S3ProxyServer;
import com.atlan.storage.store.Backend;
import com.atlan.storage.store.ObjectMetadata;
import com.atlan.storage.store.PutOptions;
import com.atlan.storage.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line between clouds: local -> Azure, Azure -> S3, S3 -> Azure, GCS -> S3 and S3 -> GCS, each killed
 * with SIGKILL part way, resumed, checked by {@code verify} and re-run as a no-op ({@link KilledMigration}). Azure is
 * Azurite, S3 is S3Proxy and GCS is {@link FakeGcsServer}, all on 127.0.0.1.
 */
class CloudEndToEndTest {

    private static final int SMALL = 60;
    private static final long LARGE = 12L * 1024 * 1024;
    private static final ObjectMetadata CSV =
            new ObjectMetadata("text/csv", null, null, null, "max-age=60", Map.of("owner", "atlan"));

    @TempDir
    Path dir;

    @Test
    void localToAzure() throws Exception {
        Path local = dir.resolve("deployment");
        for (int i = 0; i < SMALL; i++) {
            TestData.writeRandomFile(local.resolve("data/%02d/part-%04d.bin".formatted(i % 7, i)), i, 1000 + i * 13L);
        }
        TestData.writeRandomFile(local.resolve("data/large.bin"), 99, LARGE);
        TestData.writeRandomFile(local.resolve("data/odd name %+é.txt"), 5, 10);
        TestData.writeRandomFile(local.resolve("data/empty"), 6, 0);

        new KilledMigration(dir)
                .run(new TestStore("bindings.localstorage", Map.of("rootPath", local.toString())), azure(), List.of());
    }

    @Test
    void azureToS3() throws Exception {
        TestStore source = azure();
        seed(source);
        new KilledMigration(dir).run(source, s3(), List.of());
    }

    /**
     * Server side by Put Block From URL when the S3 store presigns reads and Azure can reach the URLs; Azurite reads
     * copy sources only from itself, so here the store notices and streams.
     */
    @Test
    void s3ToAzure() throws Exception {
        TestStore source = s3();
        seed(source);
        new KilledMigration(dir).run(source, azure(), List.of());
    }

    @Test
    void gcsToS3() throws Exception {
        TestStore source = gcs();
        seed(source);
        new KilledMigration(dir).run(source, s3(), List.of());
    }

    @Test
    void s3ToGcs() throws Exception {
        TestStore source = s3();
        seed(source);
        new KilledMigration(dir).run(source, gcs(), List.of());
    }

    private static TestStore azure() {
        AzuriteServer azurite = AzuriteServer.get();
        return new TestStore(
                "bindings.azure.blobstorage",
                Map.of(
                        "accountName",
                        AzuriteServer.ACCOUNT,
                        "accountKey",
                        AzuriteServer.KEY,
                        "containerName",
                        azurite.newContainer(),
                        "endpoint",
                        azurite.endpoint(),
                        "useEmulator",
                        "true"));
    }

    private static TestStore s3() {
        S3ProxyServer s3 = S3ProxyServer.get();
        return new TestStore(
                "bindings.aws.s3",
                Map.of(
                        "bucket",
                        s3.newBucket(),
                        "region",
                        "us-east-1",
                        "endpoint",
                        s3.endpoint().toString(),
                        "forcePathStyle",
                        "true",
                        "accessKey",
                        S3ProxyServer.ACCESS_KEY,
                        "secretKey",
                        S3ProxyServer.SECRET_KEY));
    }

    private static TestStore gcs() {
        FakeGcsServer gcs = FakeGcsServer.get();
        return new TestStore(
                "bindings.gcp.bucket",
                Map.of("bucket", gcs.newBucket(), "endpoint", gcs.endpoint(), "useEmulator", "true"));
    }

    /** Small objects with metadata, a large one (blocks, multipart, resumable), an odd key and an empty object. */
    private static void seed(TestStore store) throws Exception {
        try (Backend backend = store.open("seed")) {
            for (int i = 0; i < SMALL; i++) {
                long size = 1000 + i * 13L;
                backend.put(
                        "data/%02d/part-%04d.bin".formatted(i % 7, i),
                        TestData.randomStream(i, size),
                        size,
                        PutOptions.DEFAULT.withMetadata(CSV));
            }
            backend.put("data/large.bin", TestData.randomStream(99, LARGE), LARGE, PutOptions.DEFAULT);
            backend.put("data/odd name %+é.txt", TestData.randomStream(5, 10), 10, PutOptions.DEFAULT);
            backend.put("data/empty", java.io.InputStream.nullInputStream(), 0, PutOptions.DEFAULT);
        }
    }
}
